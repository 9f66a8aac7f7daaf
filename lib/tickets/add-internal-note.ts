import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";
import { requireTicketForActor } from "@/lib/tickets/require-ticket-for-actor";
import type { TicketTarget } from "@/lib/tickets/ticket-target";
import { attachUploads } from "@/lib/attachments/attach-uploads";

/** A note only staff see, on the ticket's timeline. */
export async function addInternalNote({
  db,
  actor,
  number,
  expectedVersion,
  body,
  attachmentIds = [],
}: TicketTarget & { actor: { id: string }; body: string; attachmentIds?: readonly string[] }) {
  const found = await requireTicketForActor({ db, actor, number });
  if (actor.role !== "SUPPORT_AGENT" && actor.role !== "SUPPORT_LEAD") throw new AppError("FORBIDDEN", "NOT_ALLOWED_FOR_ROLE");
  await db.$transaction(async (tx) => {
    const bumped = await tx.restoreTicket.updateMany({ where: { id: found.id, version: expectedVersion }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) throw new AppError("CONFLICT", "TICKET_CHANGED");
    const event = await recordTicketEvent(tx, { ticketId: found.id, accountId: found.accountId, actorId: actor.id, kind: "INTERNAL_NOTE", body, internal: true });
    await attachUploads(tx, { ticketId: found.id, uploaderId: actor.id, eventId: event.id, attachmentIds });
  });
}
