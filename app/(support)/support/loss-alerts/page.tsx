import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireActor, SUPPORT_ROLES } from "@/lib/auth/session";
import { getSupportLossAlertsView } from "@/lib/loss-alerts/get-support-loss-alerts-view";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("lossAlerts");

/** Open loss alerts of every account, the backup closest to expiring first. */
export default async function LossAlertsPage() {
  await requireActor(SUPPORT_ROLES, "/support/loss-alerts");
  const [{ open: alerts, dismissed }, t, format] = await Promise.all([getSupportLossAlertsView({ locale: await getLocale() }), getTranslations("lossAlerts"), getFormatter()]);
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("supportTitle")}
        description={t("supportIntro")}
        actions={
          <ButtonLink href="/support/settings/loss-detection" variant="secondary">
            {t("settingsLink")}
          </ButtonLink>
        }
      />
      <Card>
        {alerts.length === 0 ? (
          <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t("supportTitle")}>
            {alerts.map((alert) => (
              <li key={alert.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between" data-testid="support-loss-alert">
                <div className="min-w-0 space-y-1">
                  <p className="text-sm font-semibold text-slate-900">
                    {alert.accountName}
                    <Badge tone={alert.kind === "DELETED" ? "danger" : "warning"} className="ml-2 align-middle">
                      {t(`kinds.${alert.kind}`)}
                    </Badge>
                  </p>
                  <p className="text-sm font-medium text-slate-800">{alert.title}</p>
                  <p className="text-sm text-slate-600">{alert.body}</p>
                </div>
                <dl className="grid shrink-0 grid-cols-2 gap-x-4 gap-y-1 text-sm sm:w-64">
                  <dt className="text-slate-500">{t("columns.expires")}</dt>
                  <dd className="font-medium">
                    <Badge tone={alert.hoursLeft <= 48 ? "danger" : "warning"}>{t("hoursLeft", { hours: alert.hoursLeft })}</Badge>
                  </dd>
                  <dt className="text-slate-500">{t("columns.backup")}</dt>
                  <dd>{format.dateTime(new Date(`${alert.restoreDate}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })}</dd>
                  <dt className="text-slate-500">{t("columns.request")}</dt>
                  <dd>
                    {alert.ticketNumber ? (
                      <Link className="font-mono text-brand-700 hover:underline" href={`/support/tickets/${formatTicketNumber(alert.ticketNumber)}`}>
                        {formatTicketNumber(alert.ticketNumber)}
                      </Link>
                    ) : (
                      <span className="text-slate-500">{t("noRequest")}</span>
                    )}
                  </dd>
                  {alert.reminded && <dd className="col-span-2 text-xs text-slate-500">{t("reminded")}</dd>}
                </dl>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {dismissed.length > 0 && (
        <Card>
          <CardHeader title={t("dismissedTitle")} description={t("dismissedHint")} />
          <ul className="divide-y divide-slate-100">
            {dismissed.map((alert) => (
              <li key={alert.id} className="space-y-1 p-4 text-sm" data-testid="dismissed-loss-alert">
                <p className="font-semibold text-slate-900">
                  {alert.accountName} · <span className="font-medium text-slate-800">{alert.title}</span>
                </p>
                <p className="text-slate-600">{alert.body}</p>
                <p className="text-xs text-slate-500">
                  {t("dismissedBy", { name: alert.dismissed!.by, date: format.dateTime(new Date(alert.dismissed!.at), { dateStyle: "medium", timeStyle: "short" }) })}
                </p>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
