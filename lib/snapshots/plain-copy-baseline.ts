import "server-only";
import type { Db, DbOrTx } from "@/lib/db/client";
import { ACCOUNT_TABLES, columnList, quoteIdent } from "@/lib/account-data/tables";

class RollbackSignal extends Error {
  constructor() {
    super("rollback");
  }
}

/** Times `work` inside a transaction that is then rolled back, so a benchmark leaves no trace. Returns milliseconds. */
export async function timeInRolledBackTransaction(db: Db, work: (tx: DbOrTx) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  let elapsed = 0;
  await db
    .$transaction(
      async (tx) => {
        await work(tx);
        elapsed = performance.now() - started;
        throw new RollbackSignal();
      },
      { timeout: 30 * 60 * 1000 },
    )
    .catch((error) => {
      if (!(error instanceof RollbackSignal)) throw error;
    });
  return elapsed;
}

/**
 * The reference a snapshot is measured against: every row of the account
 * copied with a bare INSERT … SELECT per table into the version tables (what
 * a full-copy snapshot wrote), nothing else (no fingerprints, counts,
 * checksums or header), then rolled back. Returns milliseconds.
 */
export async function timePlainCopy(db: Db, accountId: string): Promise<number> {
  // A sequence number no real snapshot reaches, so the copy collides with no version.
  const fakeSeq = 2_147_483_647;
  return timeInRolledBackTransaction(db, async (tx) => {
    for (const table of ACCOUNT_TABLES) {
      await tx.$executeRawUnsafe(
        `INSERT INTO ${quoteIdent(table.versionTable)} ("accountId", ${columnList(table)}, "rowHash", "rowBytes", "validFrom")
         SELECT t."accountId", ${columnList(table, "t")}, 0, 0, $1 FROM ${quoteIdent(table.table)} t WHERE t."accountId" = $2::uuid`,
        fakeSeq,
        accountId,
      );
    }
  });
}
