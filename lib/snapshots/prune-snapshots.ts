import "server-only";
import type { Db } from "@/lib/db/client";
import { ACCOUNT_TABLES, quoteIdent } from "@/lib/account-data/tables";
import { DEFAULT_RETENTION_DAYS, holdCutoff, retentionCutoff } from "@/lib/retention/retention";
import { OPEN_STATUSES } from "@/lib/tickets/status";

/**
 * Deletes snapshots past retention, except those an open ticket points at
 * (held at most `retentionDays` more), then the row versions no remaining
 * snapshot of their account can see — one set-based statement per table.
 * Returns the ids removed.
 */
export async function pruneSnapshots({
  db,
  now = new Date(),
  retentionDays = DEFAULT_RETENTION_DAYS,
}: {
  db: Db;
  now?: Date;
  retentionDays?: number;
}): Promise<string[]> {
  const expired = await db.snapshot.findMany({
    where: {
      takenAt: { lt: retentionCutoff(now, retentionDays) },
      OR: [
        { takenAt: { lt: holdCutoff(now, retentionDays) } },
        { tickets: { none: { status: { in: [...OPEN_STATUSES] } } } },
      ],
    },
    select: { id: true, accountId: true },
  });
  const ids = expired.map((s) => s.id);
  if (!ids.length) return [];
  const accountIds = [...new Set(expired.map((s) => s.accountId))];
  await db.$transaction(
    async (tx) => {
      await tx.snapshot.deleteMany({ where: { id: { in: ids } } });
      for (const table of ACCOUNT_TABLES) {
        await tx.$executeRawUnsafe(
          `DELETE FROM ${quoteIdent(table.versionTable)} v WHERE v."accountId" = ANY($1::uuid[]) AND NOT EXISTS (
             SELECT 1 FROM snapshot s WHERE s."accountId" = v."accountId" AND s.seq >= v."validFrom" AND (v."validTo" IS NULL OR s.seq < v."validTo"))`,
          accountIds,
        );
      }
    },
    { timeout: 10 * 60 * 1000 },
  );
  return ids;
}
