import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { isSupportRole } from "@/lib/auth/roles";
import type { Actor } from "@/lib/auth/session";
import { presenceCutoff } from "@/lib/presence/presence-rules";
import { requireTicketForActor } from "@/lib/tickets/require-ticket-for-actor";

export type TicketPresenceView = {
  /** Other staff with the ticket open now, the ones typing first. */
  others: { name: string; typing: boolean }[];
  /** The ticket's version now: a page that loaded an older one holds its reply. */
  version: number;
};

/**
 * One heartbeat of an open support ticket page: records that this agent is
 * here (and whether typing) and answers who else is, and the ticket's
 * version. Leaving removes the agent at once. Customers have no presence:
 * the collision it prevents is between staff.
 */
export async function reportPresence({ db, actor, number, typing, leaving, now = new Date() }: { db: Db; actor: Actor; number: number; typing: boolean; leaving: boolean; now?: Date }): Promise<TicketPresenceView> {
  if (!isSupportRole(actor.role)) throw new AppError("NOT_FOUND", "TICKET_NOT_FOUND");
  const ticket = await requireTicketForActor({ db, actor, number });
  if (leaving) {
    await db.ticketPresence.deleteMany({ where: { ticketId: ticket.id, userId: actor.id } });
  } else {
    // One statement: two tabs' first heartbeats at the same moment must not both try to insert.
    await db.$executeRaw`
      INSERT INTO ticket_presence ("ticketId", "userId", typing, "seenAt") VALUES (${ticket.id}::uuid, ${actor.id}::uuid, ${typing}, ${now})
      ON CONFLICT ("ticketId", "userId") DO UPDATE SET typing = EXCLUDED.typing, "seenAt" = EXCLUDED."seenAt"`;
  }
  const others = await db.ticketPresence.findMany({
    where: { ticketId: ticket.id, userId: { not: actor.id }, seenAt: { gt: presenceCutoff(now) } },
    orderBy: [{ typing: "desc" }, { seenAt: "asc" }],
    select: { typing: true, user: { select: { name: true } } },
  });
  return { others: others.map((p) => ({ name: p.user.name, typing: p.typing })), version: ticket.version };
}
