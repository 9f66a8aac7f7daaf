import { getFormatter, getTranslations } from "next-intl/server";
import { ACCOUNT_TABLES } from "@/lib/account-data/tables";
import { parseHistoryExample } from "@/lib/preview/history-example";
import type { RestorePreview } from "@/lib/preview/restore-preview";
import { previewChangedSince, totals, type RecordedPreview } from "@/lib/preview/preview-figures";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

const CSV_TABLES = ["contact", "company", "deal", "lead"] as const;

/**
 * What the restore would change: a full restore's preview is computed from
 * live vs snapshot rows while the page streams (the page hands over the
 * promise, so it does not wait); a CSV restore shows the backup's counts.
 */
export async function RestorePreviewPanel({
  preview: pending,
  snapshotCounts,
  approved,
  requested = null,
  selective = false,
}: {
  preview: Promise<RestorePreview> | null;
  snapshotCounts: Record<string, number>;
  approved: RecordedPreview | null;
  /** What the requester saw when filing: until an approval, the figures the live data is compared with. */
  requested?: RecordedPreview | null;
  selective?: boolean;
}) {
  const t = await getTranslations("preview");
  const tt = await getTranslations("tables");
  const format = await getFormatter();

  if (!pending) {
    return (
      <Card>
        <CardHeader title={t("csvTitle")} description={t("csvIntro")} />
        <CardBody>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {CSV_TABLES.map((key) => (
              <div key={key} className="rounded-lg bg-slate-50 px-3 py-2">
                <dt className="text-xs text-slate-500">{tt(key)}</dt>
                <dd className="text-lg font-semibold tabular-nums">{format.number(snapshotCounts[key] ?? 0)}</dd>
              </div>
            ))}
          </dl>
        </CardBody>
      </Card>
    );
  }

  const preview = await pending;
  // History examples in words ("Stage changed: Negotiation → Won"), not the CRM's codes.
  const inWords = (label: string) => {
    const entry = parseHistoryExample(label);
    if (!entry) return label;
    const field = entry.field && t.has(`field.${entry.field}`) ? t(`field.${entry.field}`) : (entry.field ?? "—");
    const values = { field, old: entry.old ?? "—", new: entry.new ?? "—", action: entry.action };
    return t.has(`history.${entry.action}`) ? t(`history.${entry.action}`, values) : t("history.other", values);
  };
  const sum = totals(preview.figures);
  const baseline = approved ?? requested;
  const moved = baseline ? previewChangedSince(baseline.figures, preview.figures) : false;
  const since = approved ? "" : "SinceRequest";
  return (
    <Card>
      <CardHeader title={t("title")} description={t(selective ? "summarySelective" : "summary", { delete: sum.delete, bringBack: sum.bringBack, revert: sum.revert })} />
      <CardBody className="space-y-4">
        {baseline && moved && (
          <Alert tone="warning" title={t(`changedTitle${since}`)}>
            {t(`changedBody${since}`, { at: format.dateTime(new Date(baseline.computedAt), { dateStyle: "medium", timeStyle: "short" }) })}
          </Alert>
        )}
        {baseline && !moved && <p className="text-sm text-emerald-700">{t(`unchanged${since}`)}</p>}
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm" aria-label={t("title")}>
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="py-2 pr-4 font-semibold">{t("table")}</th>
                <th className="py-2 pr-4 text-right font-semibold">{t("delete")}</th>
                <th className="py-2 pr-4 text-right font-semibold">{t("bringBack")}</th>
                <th className="py-2 pr-4 text-right font-semibold">{t("revert")}</th>
                <th className="py-2 font-semibold">{t("examples")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {ACCOUNT_TABLES.map(({ key }) => {
                const row = preview.tables[key];
                const examples = [
                  ...row.examples.delete.map((e) => ({ ...e, kind: "delete" as const })),
                  ...row.examples.bringBack.map((e) => ({ ...e, kind: "bringBack" as const })),
                  ...row.examples.revert.map((e) => ({ ...e, kind: "revert" as const })),
                ].slice(0, 4);
                return (
                  <tr key={key}>
                    <th scope="row" className="py-2 pr-4 text-left font-medium">
                      {tt(key)}
                    </th>
                    <td className={`py-2 pr-4 text-right tabular-nums ${row.delete ? "font-semibold text-red-700" : "text-slate-400"}`}>{format.number(row.delete)}</td>
                    <td className={`py-2 pr-4 text-right tabular-nums ${row.bringBack ? "font-semibold text-emerald-700" : "text-slate-400"}`}>{format.number(row.bringBack)}</td>
                    <td className={`py-2 pr-4 text-right tabular-nums ${row.revert ? "font-semibold text-amber-700" : "text-slate-400"}`}>{format.number(row.revert)}</td>
                    <td className="py-2 text-xs text-slate-600">
                      {examples.map((e) => (
                        <span key={`${e.kind}-${e.id}`} className="mr-2 inline-block max-w-56 truncate align-bottom" title={inWords(e.label)}>
                          <span className={e.kind === "delete" ? "text-red-700" : e.kind === "bringBack" ? "text-emerald-700" : "text-amber-700"}>
                            {e.kind === "delete" ? "−" : e.kind === "bringBack" ? "+" : "~"}
                          </span>{" "}
                          {inWords(e.label)}
                        </span>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="text-xs text-slate-500">{t("legend", { at: format.dateTime(preview.computedAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
      </CardBody>
    </Card>
  );
}
