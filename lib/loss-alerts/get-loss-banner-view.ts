import "server-only";
import { prisma } from "@/lib/db/prisma";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import { OPEN_STATUSES } from "@/lib/tickets/status";
import { listAccountLossAlerts } from "@/lib/loss-alerts/list-account-loss-alerts";

/** What the account admin's loss banner shows: the open alerts, and the request already open (if any). */
export async function getLossBannerView({ accountId, locale }: { accountId: string; locale: string }) {
  const [alerts, open] = await Promise.all([
    listAccountLossAlerts({ db: prisma, accountId, locale }),
    prisma.restoreTicket.findFirst({ where: { accountId, status: { in: [...OPEN_STATUSES] } }, select: { number: true } }),
  ]);
  return { alerts, openRequest: open ? formatTicketNumber(open.number) : null };
}
