import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { canReply } from "@/lib/tickets/state-machine";
import type { TicketActor } from "@/lib/tickets/ticket-actor";
import { requireTicketForActor } from "@/lib/tickets/require-ticket-for-actor";
import { transitionTicket } from "@/lib/tickets/transition-ticket";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";
import { attachUploads } from "@/lib/attachments/attach-uploads";

/**
 * A public reply on the timeline. When support asked for information, the
 * requester's reply is the answer: the ticket goes back to review.
 */
export async function replyToTicket({
  db,
  actor,
  number,
  body,
  expectedVersion,
  attachmentIds = [],
}: {
  db: Db;
  actor: TicketActor & { id: string };
  number: number;
  body: string;
  expectedVersion: number;
  /** The sender's uploads to send with it (uploadAttachment). */
  attachmentIds?: readonly string[];
}) {
  return db.$transaction(async (tx) => {
    const found = await requireTicketForActor({ db: tx, actor, number });
    const ticket = await tx.restoreTicket.findUniqueOrThrow({ where: { id: found.id } });
    if (!canReply(ticket.status, actor.role)) throw new AppError("INVALID_STATE", "REPLY_NOT_ALLOWED");
    // The queue's "Customer replied": set by the requester's message, cleared by support's answer.
    const replied = { customerRepliedAt: actor.role === "ACCOUNT_ADMIN" ? new Date() : null };
    if (actor.role === "ACCOUNT_ADMIN" && ticket.status === "NEEDS_INFO") {
      await transitionTicket({ tx, ticketId: ticket.id, action: "PROVIDE_INFO", actor, expectedVersion, extra: replied });
    } else {
      // Not a state change, but the version still moves so concurrent views notice.
      const bumped = await tx.restoreTicket.updateMany({ where: { id: ticket.id, version: expectedVersion }, data: { version: { increment: 1 }, ...replied } });
      if (bumped.count !== 1) throw new AppError("CONFLICT", "TICKET_CHANGED");
    }
    const event = await recordTicketEvent(tx, { ticketId: ticket.id, accountId: ticket.accountId, actorId: actor.id, kind: "REPLY", body });
    await attachUploads(tx, { ticketId: ticket.id, uploaderId: actor.id, eventId: event.id, attachmentIds });
  });
}
