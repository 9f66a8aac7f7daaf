import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { restoreDateOptions, type RestoreDateOption } from "@/lib/tickets/eligibility";
import { retentionCutoff, retentionDaysFromEnv } from "@/lib/retention/retention";

/** The backup a restore to this date (YYYY-MM-DD, the account's time zone) uses — the date rules' answer — or null. */
export async function findRestoreDateSnapshot({
  db = prisma,
  accountId,
  restoreDate,
  now = new Date(),
}: {
  db?: DbOrTx;
  accountId: string;
  restoreDate: string;
  now?: Date;
}): Promise<RestoreDateOption | null> {
  const retentionDays = retentionDaysFromEnv(process.env.SNAPSHOT_RETENTION_DAYS);
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: {
      timeZone: true,
      snapshots: { where: { kind: { not: "SAFETY" }, takenAt: { gte: retentionCutoff(now, retentionDays) } }, select: { id: true, takenAt: true, rowCounts: true } },
    },
  });
  if (!account) return null;
  const options = restoreDateOptions(
    account.snapshots.map((s) => ({ ...s, rowCounts: s.rowCounts as Record<string, number> })),
    { timeZone: account.timeZone, now, retentionDays },
  );
  return options.find((o) => o.date === restoreDate) ?? null;
}
