import "server-only";
import { getAccountOverview } from "@/lib/accounts/get-account-overview";
import { getAccountBackup } from "@/lib/backups/get-account-backup";
import { isUuid } from "@/lib/format/uuid";

/**
 * A backup page's account and backup, for an account admin: the tenant is
 * the actor's account, and the backup must be one of its restorable ones —
 * null (404) for another account's, a made-up id or one no longer kept.
 */
export async function getCustomerBackupPage({ accountId, backupId }: { accountId: string; backupId: string }) {
  if (!isUuid(backupId)) return null;
  const [account, backup] = await Promise.all([getAccountOverview(accountId), getAccountBackup({ accountId, backupId })]);
  return backup ? { account, backup } : null;
}
