import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TicketActor } from "@/lib/tickets/ticket-actor";
import { findTicketIdForActor } from "@/lib/tickets/find-ticket-for-actor";
import { transitionTicket } from "@/lib/tickets/transition-ticket";

/** The requester withdraws the request (only before approval: the state machine says so). */
export async function cancelTicket({ db, actor, number, expectedVersion }: { db: Db; actor: TicketActor; number: number; expectedVersion: number }) {
  return db.$transaction(async (tx) => {
    const found = await findTicketIdForActor({ db: tx, actor, number });
    if (!found) throw new AppError("NOT_FOUND", "TICKET_NOT_FOUND");
    await transitionTicket({ tx, ticketId: found.id, action: "CANCEL", actor, expectedVersion });
  });
}
