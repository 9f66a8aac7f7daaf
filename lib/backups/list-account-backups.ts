import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { restoreDateOptions, type RestoreDateOption } from "@/lib/tickets/eligibility";
import { expiresAt, restorableSnapshots, retentionDaysFromEnv } from "@/lib/retention/retention";

export type AccountBackup = RestoreDateOption & { keptUntil: Date };

/**
 * The backups an account can restore from, newest first: one per day (the
 * day's latest), inside retention — the same list the request form offers —
 * each with the moment it stops being kept.
 */
export async function listAccountBackups({ db = prisma, accountId, now = new Date() }: { db?: DbOrTx; accountId: string; now?: Date }): Promise<AccountBackup[]> {
  const retentionDays = retentionDaysFromEnv(process.env.SNAPSHOT_RETENTION_DAYS);
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: {
      timeZone: true,
      snapshots: { where: restorableSnapshots(now, retentionDays), select: { id: true, takenAt: true, rowCounts: true } },
    },
  });
  if (!account) return [];
  return restoreDateOptions(
    account.snapshots.map((s) => ({ ...s, rowCounts: s.rowCounts as Record<string, number> })),
    { timeZone: account.timeZone, now, retentionDays },
  ).map((option) => ({ ...option, keptUntil: expiresAt(option.takenAt, retentionDays) }));
}
