import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor, SUPPORT_ROLES } from "@/lib/auth/session";
import { listRecentTickets } from "@/lib/tickets/list-recent-tickets";
import { formatTicketNumber } from "@/lib/tickets/status";
import { TicketStatus } from "@/lib/generated/prisma/enums";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState, Table, Td, Th, Tr } from "@/components/ui/table";
import { TicketStatusBadge } from "@/components/tickets/ticket-status-badge";

export const metadata: Metadata = { title: "Ticket queue" };

export default async function SupportTicketsPage() {
  await requireActor(SUPPORT_ROLES, "/support/tickets");
  const t = await getTranslations("support");
  const tr = await getTranslations("recovery");
  const format = await getFormatter();
  const { counts, tickets } = await listRecentTickets();
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />
      <ul className="mb-6 flex flex-wrap gap-2" aria-label={t("countsLabel")}>
        {Object.values(TicketStatus).map((status) => (
          <li key={status} className="flex items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-1.5 text-sm shadow-sm">
            <TicketStatusBadge status={status} />
            <span className="font-semibold tabular-nums">{counts[status] ?? 0}</span>
          </li>
        ))}
      </ul>
      <Card>
        {tickets.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("columns.ticket")}</Th>
                <Th>{t("columns.account")}</Th>
                <Th>{t("columns.plan")}</Th>
                <Th>{t("columns.method")}</Th>
                <Th>{t("columns.restoreDate")}</Th>
                <Th>{t("columns.status")}</Th>
                <Th>{t("columns.assignee")}</Th>
                <Th>{t("columns.created")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tickets.map((ticket) => (
                <Tr key={ticket.id}>
                  <Td className="font-mono font-medium">{formatTicketNumber(ticket.number)}</Td>
                  <Td>{ticket.account.name}</Td>
                  <Td>{ticket.account.plan.name}</Td>
                  <Td>{tr(`method.${ticket.method}`)}</Td>
                  <Td>{format.dateTime(ticket.restoreDate, { dateStyle: "medium", timeZone: "UTC" })}</Td>
                  <Td>
                    <TicketStatusBadge status={ticket.status} />
                  </Td>
                  <Td>{ticket.assignee?.name ?? <span className="text-slate-400">{t("unassigned")}</span>}</Td>
                  <Td>{format.dateTime(ticket.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
