import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { recordSelfAssignment } from "@/lib/tickets/record-self-assignment";
import { requireTicketForActor } from "@/lib/tickets/require-ticket-for-actor";
import type { TicketTarget } from "@/lib/tickets/ticket-target";
import { transitionTicket } from "@/lib/tickets/transition-ticket";

/**
 * "Assign to me": the ticket becomes the actor's; a new ticket also moves
 * into review, since someone is now looking at it.
 */
export async function assignToMe({ db, actor, number, expectedVersion }: TicketTarget) {
  const found = await requireTicketForActor({ db, actor, number });
  await db.$transaction(async (tx) => {
    const ticket = await tx.restoreTicket.findUniqueOrThrow({ where: { id: found.id } });
    if (ticket.version !== expectedVersion) throw new AppError("CONFLICT", "TICKET_CHANGED");
    if (ticket.closedAt) throw new AppError("INVALID_STATE", "NOT_IN_THIS_STATE");
    const updated = await tx.restoreTicket.updateMany({
      where: { id: ticket.id, version: expectedVersion },
      data: { assigneeId: actor.id, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "TICKET_CHANGED");
    await recordSelfAssignment(tx, { ticketId: ticket.id, accountId: ticket.accountId, actorId: actor.id! });
    if (ticket.status === "SUBMITTED") {
      await transitionTicket({ tx, ticketId: ticket.id, action: "START_REVIEW", actor, expectedVersion: expectedVersion + 1 });
    }
  });
}
