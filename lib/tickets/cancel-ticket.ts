import "server-only";
import type { Db } from "@/lib/db/client";
import type { TicketActor } from "@/lib/tickets/ticket-actor";
import { requireTicketForActor } from "@/lib/tickets/require-ticket-for-actor";
import { transitionTicket } from "@/lib/tickets/transition-ticket";

/** The requester withdraws the request (only before approval: the state machine says so). */
export async function cancelTicket({ db, actor, number, expectedVersion }: { db: Db; actor: TicketActor; number: number; expectedVersion: number }) {
  return db.$transaction(async (tx) => {
    const found = await requireTicketForActor({ db: tx, actor, number });
    await transitionTicket({ tx, ticketId: found.id, action: "CANCEL", actor, expectedVersion });
  });
}
