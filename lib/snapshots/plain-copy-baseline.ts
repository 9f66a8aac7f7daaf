import "server-only";
import type { Db } from "@/lib/db/client";
import { ACCOUNT_TABLES, columnList, quoteIdent } from "@/lib/account-data/tables";

/**
 * The reference a snapshot is measured against: the same rows copied with a
 * bare INSERT … SELECT per table into the snapshot tables, nothing else
 * (no counts, no checksums, no header), then rolled back. Returns milliseconds.
 */
export async function timePlainCopy(db: Db, accountId: string): Promise<number> {
  const started = performance.now();
  await db
    .$transaction(
      async (tx) => {
        const fakeSnapshotId = "00000000-0000-4000-8000-000000000000";
        for (const table of ACCOUNT_TABLES) {
          await tx.$executeRawUnsafe(
            `INSERT INTO ${quoteIdent(table.snapshotTable)} ("snapshotId", "accountId", ${columnList(table)}, "rowHash")
             SELECT $1::uuid, t."accountId", ${columnList(table, "t")}, 0 FROM ${quoteIdent(table.table)} t WHERE t."accountId" = $2::uuid`,
            fakeSnapshotId,
            accountId,
          );
        }
        throw new RollbackSignal(performance.now() - started);
      },
      { timeout: 30 * 60 * 1000 },
    )
    .catch((error) => {
      if (!(error instanceof RollbackSignal)) throw error;
    });
  return performance.now() - started;
}

class RollbackSignal extends Error {
  constructor(readonly elapsedMs: number) {
    super("rollback");
  }
}
