import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

type QueuePosition = { number: number; closedAt: Date | null; backupExpiresAt: Date | null };

const forward: Prisma.RestoreTicketOrderByWithRelationInput[] = [{ backupExpiresAt: { sort: "asc", nulls: "last" } }, { number: "desc" }];
const backward: Prisma.RestoreTicketOrderByWithRelationInput[] = [{ backupExpiresAt: { sort: "desc", nulls: "first" } }, { number: "asc" }];

/**
 * The tickets just before and after this one in the queue as it opens: the
 * open tickets, the backup closest to expiry first, then those without a held
 * backup, newest number first within a tie — the order of
 * listSupportTickets' "urgency" sort. Found by comparing keys (no offset), so
 * a ticket leaving the queue meanwhile does not shift the answer. A closed
 * ticket is in no such queue: no neighbours.
 */
export async function findQueueNeighbours({ db, ticket }: { db: DbOrTx; ticket: QueuePosition }): Promise<{ previous: number | null; next: number | null }> {
  if (ticket.closedAt) return { previous: null, next: null };
  const { number, backupExpiresAt: expires } = ticket;
  const after: Prisma.RestoreTicketWhereInput = expires
    ? { OR: [{ backupExpiresAt: { gt: expires } }, { backupExpiresAt: expires, number: { lt: number } }, { backupExpiresAt: null }] }
    : { backupExpiresAt: null, number: { lt: number } };
  const before: Prisma.RestoreTicketWhereInput = expires
    ? { OR: [{ backupExpiresAt: { lt: expires } }, { backupExpiresAt: expires, number: { gt: number } }] }
    : { OR: [{ backupExpiresAt: { not: null } }, { number: { gt: number } }] };
  const [previous, next] = await Promise.all([
    db.restoreTicket.findFirst({ where: { AND: [{ closedAt: null }, before] }, orderBy: backward, select: { number: true } }),
    db.restoreTicket.findFirst({ where: { AND: [{ closedAt: null }, after] }, orderBy: forward, select: { number: true } }),
  ]);
  return { previous: previous?.number ?? null, next: next?.number ?? null };
}
