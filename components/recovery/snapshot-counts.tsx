"use client";

import { useFormatter, useTranslations } from "next-intl";

const SHOWN = ["contact", "company", "deal", "lead", "activity", "task", "product", "customField"] as const;

/** A snapshot's row counts, for orientation ("was my data still there that day?"). */
export function SnapshotCounts({ rowCounts }: { rowCounts: Record<string, number> }) {
  const t = useTranslations("tables");
  const format = useFormatter();
  return (
    <div className="@container">
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm @xs:grid-cols-2 @2xl:grid-cols-4">
      {SHOWN.map((key) => (
        <div key={key} className="flex justify-between gap-2 border-b border-slate-100 py-1">
          <dt className="text-slate-600">{t(key)}</dt>
          <dd className="font-medium tabular-nums">{format.number(rowCounts[key] ?? 0)}</dd>
        </div>
      ))}
    </dl>
    </div>
  );
}
