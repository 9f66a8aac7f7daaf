import "server-only";
import type { Db } from "@/lib/db/client";
import { ABANDONED_UPLOAD_MS } from "@/lib/attachments/attachment-rules";
import { removeStoredFile } from "@/lib/storage/file-storage";

const BATCH = 500;

/**
 * Attachments follow their ticket: a sent file is removed from storage once
 * its ticket has been closed for `retentionDays` (its row stays, so the
 * timeline says the file was removed), and an upload nobody sent is dropped
 * after a day. Idempotent: a file already gone is fine.
 */
export async function pruneAttachments({ db, storageRoot, retentionDays, now = new Date() }: { db: Db; storageRoot: string; retentionDays: number; now?: Date }) {
  const closedBefore = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  let expired = 0;
  for (;;) {
    const batch = await db.ticketAttachment.findMany({
      // A file sent after the ticket closed (support can still write) gets its full time too.
      where: { removedAt: null, eventId: { not: null }, createdAt: { lt: closedBefore }, ticket: { closedAt: { lt: closedBefore } } },
      select: { id: true, storagePath: true },
      take: BATCH,
    });
    for (const file of batch) await removeStoredFile(storageRoot, file.storagePath);
    if (batch.length) await db.ticketAttachment.updateMany({ where: { id: { in: batch.map((f) => f.id) } }, data: { removedAt: now } });
    expired += batch.length;
    if (batch.length < BATCH) break;
  }
  const abandoned = await db.$queryRaw<{ storagePath: string }[]>`
    DELETE FROM "ticket_attachment" WHERE "eventId" IS NULL AND "createdAt" < ${new Date(now.getTime() - ABANDONED_UPLOAD_MS)}
    RETURNING "storagePath"`;
  for (const file of abandoned) await removeStoredFile(storageRoot, file.storagePath);
  return { expired, abandoned: abandoned.length };
}
