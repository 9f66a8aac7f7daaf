import "server-only";
import type { Actor } from "@/lib/auth/session";
import { isSupportRole } from "@/lib/auth/roles";
import type { DbOrTx } from "@/lib/db/client";
import { findTicketForActor } from "@/lib/tickets/find-ticket-for-actor";
import { parseTicketNumber } from "@/lib/format/ticket-number";

/**
 * An attachment this actor may open, or null (answered as 404 — the same for
 * another account's file as for none): on a ticket they may see, sent with a
 * message they may read (customers never see internal notes' files), or
 * their own upload that waits for its message.
 */
export async function findAttachmentForActor(db: DbOrTx, actor: Actor, ticketNumber: string, attachmentId: string) {
  const number = parseTicketNumber(ticketNumber);
  const ticket = number === null ? null : await findTicketForActor({ db, actor, number });
  if (!ticket) return null;
  const attachment = await db.ticketAttachment.findFirst({
    where: { id: attachmentId, ticketId: ticket.id },
    select: { id: true, fileName: true, type: true, sizeBytes: true, storagePath: true, removedAt: true, uploaderId: true, event: { select: { internal: true } } },
  });
  if (!attachment) return null;
  if (!attachment.event) return attachment.uploaderId === actor.id ? attachment : null;
  if (attachment.event.internal && !isSupportRole(actor.role)) return null;
  return attachment;
}
