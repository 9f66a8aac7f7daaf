import "server-only";
import type { DbOrTx } from "@/lib/db/client";

/**
 * The files this person uploaded on this ticket and has not sent yet (a page
 * reloaded, a message refused): the form shows them again, to send or remove,
 * instead of leaving them to count against the limit until they expire.
 */
export function listWaitingUploads(db: DbOrTx, { ticketId, uploaderId }: { ticketId: string; uploaderId: string }) {
  return db.ticketAttachment.findMany({
    where: { ticketId, uploaderId, eventId: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true, sizeBytes: true },
  });
}
