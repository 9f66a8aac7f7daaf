import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { presenceCutoff } from "@/lib/presence/presence-rules";

/** For the queue: who has each of these tickets open right now (besides the viewer), by ticket id. */
export async function findStaffOnTickets({ db, ticketIds, viewerId, now = new Date() }: { db: DbOrTx; ticketIds: string[]; viewerId: string; now?: Date }) {
  const rows = ticketIds.length
    ? await db.ticketPresence.findMany({
        where: { ticketId: { in: ticketIds }, userId: { not: viewerId }, seenAt: { gt: presenceCutoff(now) } },
        orderBy: { seenAt: "asc" },
        select: { ticketId: true, typing: true, user: { select: { name: true } } },
      })
    : [];
  const byTicket = new Map<string, { name: string; typing: boolean }[]>();
  for (const row of rows) byTicket.set(row.ticketId, [...(byTicket.get(row.ticketId) ?? []), { name: row.user.name, typing: row.typing }]);
  return byTicket;
}
