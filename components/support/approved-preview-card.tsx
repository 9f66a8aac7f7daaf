import { getFormatter, getTranslations } from "next-intl/server";
import { ACCOUNT_TABLES } from "@/lib/account-data/tables";
import { expectedRunFigures, totals, type RecordedPreview } from "@/lib/preview/preview-figures";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/**
 * After a full or selective restore ran: the preview that was approved, next to what the
 * run did, and how one becomes the other (a revert is a row removed and a row
 * written). A live preview would be meaningless now — the account matches
 * the backup — so this shows the figures recorded with the approval.
 */
export async function ApprovedPreviewCard({ approved, run, selective = false }: { approved: RecordedPreview; run: { removed: number; written: number } | null; selective?: boolean }) {
  const t = await getTranslations("preview.approved");
  const tp = await getTranslations("preview");
  const tt = await getTranslations("tables");
  const format = await getFormatter();
  const sum = totals(approved.figures);
  const expected = expectedRunFigures(approved.figures);
  const changed = ACCOUNT_TABLES.filter(({ key }) => {
    const f = approved.figures[key];
    return f && f.delete + f.bringBack + f.revert > 0;
  });
  const matches = run && run.removed === expected.removed && run.written === expected.written;

  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={t("description", { at: format.dateTime(new Date(approved.computedAt), { dateStyle: "medium", timeStyle: "short" }) })}
      />
      <CardBody className="space-y-4 text-sm">
        <p>{tp(selective ? "summarySelective" : "summary", sum)}</p>
        {changed.length > 0 && (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" aria-label={t("title")}>
              <thead>
                <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                  <th className="py-2 pr-4 font-semibold">{tp("table")}</th>
                  <th className="py-2 pr-4 text-right font-semibold">{tp("delete")}</th>
                  <th className="py-2 pr-4 text-right font-semibold">{tp("bringBack")}</th>
                  <th className="py-2 text-right font-semibold">{tp("revert")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {changed.map(({ key }) => {
                  const f = approved.figures[key];
                  return (
                    <tr key={key}>
                      <th scope="row" className="py-1.5 pr-4 text-left font-medium">
                        {tt(key)}
                      </th>
                      <td className="py-1.5 pr-4 text-right tabular-nums">{format.number(f.delete)}</td>
                      <td className="py-1.5 pr-4 text-right tabular-nums">{format.number(f.bringBack)}</td>
                      <td className="py-1.5 text-right tabular-nums">{format.number(f.revert)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <div className="rounded-md bg-slate-50 px-3 py-2 text-slate-700">
          <p className="font-medium text-slate-900">{t("howTitle")}</p>
          <p className="mt-1">{t("how")}</p>
          <ul className="mt-2 space-y-1 tabular-nums">
            <li>{t("removed", { delete: sum.delete, revert: sum.revert, removed: expected.removed })}</li>
            <li>{t("written", { bringBack: sum.bringBack, revert: sum.revert, written: expected.written })}</li>
          </ul>
          {run && <p className="mt-2">{matches ? t("runMatches") : t("runDiffers", run)}</p>}
        </div>
      </CardBody>
    </Card>
  );
}
