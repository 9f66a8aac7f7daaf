import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { findTicketForActor } from "@/lib/tickets/find-ticket-for-actor";
import type { TicketActor } from "@/lib/tickets/ticket-actor";

/** The ticket this actor may act on, or NOT_FOUND — the same answer for another account's ticket as for none. */
export async function requireTicketForActor({ db, actor, number }: { db: DbOrTx; actor: TicketActor; number: number }) {
  const found = await findTicketForActor({ db, actor, number });
  if (!found) throw new AppError("NOT_FOUND", "TICKET_NOT_FOUND");
  return found;
}
