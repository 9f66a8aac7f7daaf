import "server-only";
import type { Db } from "@/lib/db/client";
import { removeStoredFile } from "@/lib/storage/file-storage";

/** Takes back an upload before its message is sent (the ✕ beside a chosen file); a sent file stays. */
export async function discardUpload({ db, uploaderId, ticketId, attachmentId, storageRoot }: { db: Db; uploaderId: string; ticketId: string; attachmentId: string; storageRoot: string }): Promise<boolean> {
  const [removed] = await db.$queryRaw<{ storagePath: string }[]>`
    DELETE FROM "ticket_attachment"
    WHERE "id" = ${attachmentId}::uuid AND "ticketId" = ${ticketId}::uuid AND "uploaderId" = ${uploaderId}::uuid AND "eventId" IS NULL
    RETURNING "storagePath"`;
  if (!removed) return false;
  await removeStoredFile(storageRoot, removed.storagePath);
  return true;
}
