import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { isSupportRole } from "@/lib/auth/roles";
import type { TicketActor } from "@/lib/tickets/ticket-actor";

/**
 * The tenant-aware lookup every ticket action starts with: support may see
 * any ticket, the account admin only their account's. A ticket of another
 * account is indistinguishable from one that does not exist (null).
 */
export async function findTicketForActor({ db, actor, number }: { db: DbOrTx; actor: TicketActor; number: number }) {
  const ticket = await db.restoreTicket.findUnique({ where: { number }, select: { id: true, accountId: true, version: true } });
  if (!ticket) return null;
  if (actor.role === "SYSTEM" || isSupportRole(actor.role)) return ticket;
  if (actor.role === "ACCOUNT_ADMIN" && actor.accountId === ticket.accountId) return ticket;
  return null;
}
