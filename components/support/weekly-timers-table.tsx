import { useFormatter, useTranslations } from "next-intl";
import type { WeeklyTimers } from "@/lib/reports/get-weekly-timers-report";
import { useFormatDuration } from "@/components/tickets/timer-duration";
import { Table, Td, Th, Tr } from "@/components/ui/table";

/**
 * The weekly figures, newest week first. On a phone the resolved count goes
 * under the median resolution, so the table fits 390 px.
 */
export function WeeklyTimersTable({ weeks }: { weeks: (WeeklyTimers & { label: string })[] }) {
  const t = useTranslations("reports.weekly");
  const format = useFormatter();
  const duration = useFormatDuration();
  const median = (ms: number | null) => (ms === null ? <span className="text-slate-400">—</span> : duration(ms));
  return (
    <Table aria-label={t("title")}>
      <thead>
        <tr>
          <Th className="px-3 sm:px-4">{t("week")}</Th>
          <Th className="px-3 text-right sm:px-4">{t("filed")}</Th>
          <Th className="px-3 text-right sm:px-4">{t("medianFirstResponse")}</Th>
          <Th className="px-3 text-right sm:px-4">{t("medianResolution")}</Th>
          <Th className="hidden px-3 text-right sm:table-cell sm:px-4">{t("resolved")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {weeks.map((week) => (
          <Tr key={week.weekStart.toISOString()} data-testid="report-week">
            <Td className="px-3 sm:px-4">{week.label}</Td>
            <Td className="px-3 text-right tabular-nums sm:px-4">{format.number(week.filed)}</Td>
            <Td className="px-3 text-right tabular-nums sm:px-4">
              {median(week.medianFirstResponseMs)}
              {week.responded > 0 && <span className="block text-xs text-slate-500">{t("ofTickets", { count: week.responded })}</span>}
            </Td>
            <Td className="px-3 text-right tabular-nums sm:px-4">
              {median(week.medianResolutionMs)}
              <span className="block text-xs text-slate-500 sm:hidden">{t("resolvedCount", { count: week.resolved })}</span>
            </Td>
            <Td className="hidden px-3 text-right tabular-nums sm:table-cell sm:px-4">{format.number(week.resolved)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
