import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { listAccountBackups, type AccountBackup } from "@/lib/backups/list-account-backups";

/** The backup a restore to this date (YYYY-MM-DD, the account's time zone) uses — the date rules' answer — or null. */
export async function findRestoreDateSnapshot({ db, accountId, restoreDate, now }: { db?: DbOrTx; accountId: string; restoreDate: string; now?: Date }): Promise<AccountBackup | null> {
  const backups = await listAccountBackups({ db, accountId, now });
  return backups.find((backup) => backup.date === restoreDate) ?? null;
}
