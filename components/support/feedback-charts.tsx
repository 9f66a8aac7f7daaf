"use client";

import { useFormatter } from "next-intl";
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const YES = "#059669";
const NO = "#dc2626";
const RATIO = "#1f63c9";

type Labels = { yes: string; no: string; helpful: string };

/** Why readers said "No": one bar per reason, longest first. */
export function ReasonsChart({ data, label }: { data: { label: string; count: number }[]; label: string }) {
  const rows = [...data].sort((a, b) => b.count - a.count);
  return (
    <div role="img" aria-label={label} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={230} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip />
          <Bar dataKey="count" name={label} fill={NO} radius={[0, 4, 4, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Votes per week (stacked Yes/No) with the helpful share as a line. */
export function TrendChart({ data, labels, title }: { data: { week: string; yes: number; no: number }[]; labels: Labels; title: string }) {
  const format = useFormatter();
  // Weeks as the reader writes dates ("Nov 23" / "23 lis"), not ISO.
  const week = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" });
  const rows = data.map((w) => ({ ...w, ratio: w.yes + w.no ? Math.round((w.yes / (w.yes + w.no)) * 100) : null }));
  return (
    <div role="img" aria-label={title} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ left: 0, right: 8, top: 8, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" tick={{ fontSize: 11 }} minTickGap={24} tickFormatter={week} />
          <YAxis yAxisId="votes" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis yAxisId="ratio" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
          <Tooltip labelFormatter={(label) => week(String(label))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="votes" dataKey="yes" name={labels.yes} stackId="v" fill={YES} />
          <Bar yAxisId="votes" dataKey="no" name={labels.no} stackId="v" fill={NO} />
          <Line yAxisId="ratio" dataKey="ratio" name={labels.helpful} stroke={RATIO} strokeWidth={2} dot={false} connectNulls />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
