import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getImportStartView } from "@/lib/import/get-import-start-view";
import type { AppliedFigures } from "@/lib/import/apply-import";
import { IMPORT_ORDER } from "@/lib/import/import-figures";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { ImportStart } from "@/app/(customer)/crm/import/_components/import-start";
import { pageTitle } from "@/lib/i18n/page-title";
import { getLossBannerView } from "@/lib/loss-alerts/get-loss-banner-view";
import { LossAlertBanner } from "@/components/loss-alerts/loss-alert-banner";
import { ActionButton } from "@/components/ui/action-button";
import { dismissLossAlertAction } from "@/app/(customer)/recovery/actions";

export const generateMetadata = pageTitle("importCsv");

export default async function ImportPage() {
  const actor = await requireActor(["ACCOUNT_ADMIN"], "/crm/import");
  const [{ files, history }, t, format, banner, tl] = await Promise.all([
    getImportStartView(actor.accountId!),
    getTranslations("crmImport"),
    getFormatter(),
    getLossBannerView({ accountId: actor.accountId!, locale: await getLocale() }),
    getTranslations("lossAlerts"),
  ]);
  const total = (f: AppliedFigures, key: "created" | "updated" | "skipped") => IMPORT_ORDER.reduce((n, type) => n + (f[type]?.[key] ?? 0), 0);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <LossAlertBanner {...banner} dismissButton={(id) => (
          <ActionButton action={dismissLossAlertAction.bind(null, { id })} pendingLabel={tl("dismissing")}>
            {tl("dismiss")}
          </ActionButton>
        )} />
      <ImportStart
        ticketFiles={files.map((f) => ({ number: formatTicketNumber(f.ticket.number), fileName: f.fileName, rows: Object.values(f.rowCounts as Record<string, number>).reduce((a, b) => a + b, 0) }))}
      />
      <Card>
        <CardHeader title={t("history")} />
        <CardBody className="overflow-x-auto">
          {history.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noHistory")}</p>
          ) : (
            <table className="w-full text-sm">
              <caption className="sr-only">{t("history")}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                  {(["when", "who", "file", "mode", "status", "result"] as const).map((c) => (
                    <th key={c} className="py-2 pr-4 font-semibold">
                      {t(`col.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {history.map((i) => {
                  const f = i.figures as AppliedFigures;
                  return (
                    <tr key={i.id} className="border-b border-slate-100">
                      <td className="py-2 pr-4 whitespace-nowrap">{format.dateTime(i.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                      <td className="py-2 pr-4">{i.user.name}</td>
                      <td className="py-2 pr-4 break-all">
                        <Link href={`/crm/import/${i.id}`} className="text-brand-700 hover:underline">
                          {i.fileName}
                        </Link>
                      </td>
                      <td className="py-2 pr-4">{t(`modeName.${i.mode}`)}</td>
                      <td className="py-2 pr-4">
                        <Badge tone={i.status === "APPLIED" ? "success" : i.status === "PREVIEW" ? "info" : "muted"}>{t(`status.${i.status}`)}</Badge>
                      </td>
                      <td className="py-2 tabular-nums text-slate-700">
                        {i.status === "APPLIED" ? t("resultShort", { created: total(f, "created"), updated: total(f, "updated"), skipped: total(f, "skipped") }) : "—"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
