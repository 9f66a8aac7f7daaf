import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireActor, CUSTOMER_ROLES } from "@/lib/auth/session";
import { getAccountOverview } from "@/lib/accounts/get-account-overview";
import { listAccountTickets } from "@/lib/tickets/list-account-tickets";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { EmptyState, Table, Td, Th, Tr } from "@/components/ui/table";
import { TicketStatusBadge } from "@/components/tickets/ticket-status-badge";
import { pageTitle } from "@/lib/i18n/page-title";
import { getLossBannerView } from "@/lib/loss-alerts/get-loss-banner-view";
import { MemberPage } from "@/components/recovery/member-page";
import { LossAlertBanner } from "@/components/loss-alerts/loss-alert-banner";
import { ActionButton } from "@/components/ui/action-button";
import { dismissLossAlertAction } from "@/app/(customer)/recovery/actions";

export const generateMetadata = pageTitle("recovery");

export default async function RecoveryPage() {
  const actor = await requireActor(CUSTOMER_ROLES, "/recovery");
  const t = await getTranslations("recovery");
  const tn = await getTranslations("nav");
  const format = await getFormatter();
  const account = await getAccountOverview(actor.accountId!);

  if (actor.role === "ACCOUNT_MEMBER") {
    return <MemberPage title={t("title")} account={account} />;
  }

  const [tickets, banner, tl] = await Promise.all([
    listAccountTickets(actor.accountId!),
    getLossBannerView({ accountId: actor.accountId!, locale: await getLocale() }),
    getTranslations("lossAlerts"),
  ]);
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("adminIntro", { account: account.name, plan: account.plan.name })}
        actions={
          <>
            <ButtonLink href="/recovery/backups" variant="secondary">
              {tn("backups")}
            </ButtonLink>
            <ButtonLink href="/recovery/new">{tn("newRequest")}</ButtonLink>
          </>
        }
      />
      <LossAlertBanner {...banner} className="mb-6" dismissButton={(id) => (
          <ActionButton action={dismissLossAlertAction.bind(null, { id })} pendingLabel={tl("dismissing")}>
            {tl("dismiss")}
          </ActionButton>
        )} />
      <Card>
        <CardHeader title={t("listTitle")} />
        {tickets.length === 0 ? (
          <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
        ) : (
          <>
            <div className="hidden md:block">
              <Table>
                <thead>
                  <tr>
                    <Th>{t("columns.ticket")}</Th>
                    <Th>{t("columns.method")}</Th>
                    <Th>{t("columns.restoreDate")}</Th>
                    <Th>{t("columns.status")}</Th>
                    <Th>{t("columns.created")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {tickets.map((ticket) => (
                    <Tr key={ticket.id}>
                      <Td className="font-mono font-medium">
                        <Link className="text-brand-700 hover:underline" href={`/recovery/${formatTicketNumber(ticket.number)}`}>
                          {formatTicketNumber(ticket.number)}
                        </Link>
                      </Td>
                      <Td>{t(`method.${ticket.method}`)}</Td>
                      <Td>{format.dateTime(ticket.restoreDate, { dateStyle: "medium", timeZone: "UTC" })}</Td>
                      <Td>
                        <TicketStatusBadge status={ticket.status} />
                      </Td>
                      <Td>{format.dateTime(ticket.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            </div>
            {/* A phone gets cards: five columns do not fit 390 px (in Polish the table scrolled sideways). */}
            <ul className="divide-y divide-slate-100 md:hidden" aria-label={t("listTitle")}>
              {tickets.map((ticket) => (
                <li key={ticket.id}>
                  <Link href={`/recovery/${formatTicketNumber(ticket.number)}`} className="block space-y-1.5 px-4 py-3 hover:bg-slate-50">
                    <span className="flex flex-wrap items-center justify-between gap-2">
                      <span className="font-mono font-medium text-brand-700">{formatTicketNumber(ticket.number)}</span>
                      <TicketStatusBadge status={ticket.status} />
                    </span>
                    <span className="block text-sm text-slate-800">{t(`method.${ticket.method}`)}</span>
                    <span className="block text-xs text-slate-500">
                      {t("columns.restoreDate")}: {format.dateTime(ticket.restoreDate, { dateStyle: "medium", timeZone: "UTC" })} · {t("columns.created")}:{" "}
                      {format.dateTime(ticket.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
    </div>
  );
}
