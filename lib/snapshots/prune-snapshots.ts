import "server-only";
import type { Db } from "@/lib/db/client";
import { ACCOUNT_TABLES, quoteIdent } from "@/lib/account-data/tables";
import { DEFAULT_RETENTION_DAYS, holdCutoff, retentionCutoff } from "@/lib/retention/retention";
import { OPEN_STATUSES } from "@/lib/tickets/status";

/**
 * Deletes snapshots past retention, except those an open ticket points at
 * (held at most `retentionDays` more). Returns the ids removed.
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
    select: { id: true },
  });
  const ids = expired.map((s) => s.id);
  if (!ids.length) return [];
  await db.$transaction(
    async (tx) => {
      for (const table of ACCOUNT_TABLES) {
        await tx.$executeRawUnsafe(`DELETE FROM ${quoteIdent(table.snapshotTable)} WHERE "snapshotId" = ANY($1::uuid[])`, ids);
      }
      await tx.snapshot.deleteMany({ where: { id: { in: ids } } });
    },
    { timeout: 10 * 60 * 1000 },
  );
  return ids;
}
