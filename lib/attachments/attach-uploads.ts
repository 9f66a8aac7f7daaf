import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ATTACHMENTS_PER_MESSAGE } from "@/lib/attachments/attachment-rules";

/**
 * Puts the uploader's waiting files on the message just recorded, in its
 * transaction: every id must be theirs, on this ticket and not yet sent, or
 * the message is refused as a whole (nothing half-attached).
 */
export async function attachUploads(tx: DbOrTx, { ticketId, uploaderId, eventId, attachmentIds }: { ticketId: string; uploaderId: string; eventId: string; attachmentIds: readonly string[] }) {
  const ids = [...new Set(attachmentIds)];
  if (ids.length === 0) return;
  if (ids.length > ATTACHMENTS_PER_MESSAGE) throw new AppError("VALIDATION", "ATTACHMENTS_TOO_MANY", { max: ATTACHMENTS_PER_MESSAGE });
  const attached = await tx.ticketAttachment.updateMany({
    where: { id: { in: ids }, ticketId, uploaderId, eventId: null, removedAt: null },
    data: { eventId },
  });
  if (attached.count !== ids.length) throw new AppError("VALIDATION", "ATTACHMENT_GONE");
}
