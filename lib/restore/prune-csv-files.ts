import "server-only";
import type { Db } from "@/lib/db/client";
import { removeStoredFile } from "@/lib/storage/file-storage";

/**
 * Restore files hold backup data, so they go when backups would: the file of
 * every expired CSV is removed from storage (its record stays, for the
 * ticket's history; the download answers "expired"). Idempotent.
 */
export async function pruneExpiredCsvFiles({ db, storageRoot, now = new Date() }: { db: Db; storageRoot: string; now?: Date }): Promise<number> {
  const expired = await db.csvFile.findMany({ where: { expiresAt: { lt: now } }, select: { storagePath: true } });
  for (const file of expired) await removeStoredFile(storageRoot, file.storagePath);
  return expired.length;
}
