import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { listAccountBackups, type AccountBackup } from "@/lib/backups/list-account-backups";

/**
 * One of the account's restorable backups, with its sequence number (its
 * rows are the versions at it). Null for another account's backup, a
 * safety snapshot, one out of retention or a made-up id: the page says 404.
 */
export async function getAccountBackup({ db = prisma, accountId, backupId }: { db?: DbOrTx; accountId: string; backupId: string }): Promise<(AccountBackup & { seq: number }) | null> {
  const backup = (await listAccountBackups({ db, accountId })).find((b) => b.snapshotId === backupId);
  if (!backup) return null;
  const { seq } = await db.snapshot.findUniqueOrThrow({ where: { id: backup.snapshotId }, select: { seq: true } });
  return { ...backup, seq };
}
