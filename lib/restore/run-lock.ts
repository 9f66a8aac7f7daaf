import "server-only";
import type { DbOrTx } from "@/lib/db/client";

/**
 * Whoever executes a run holds this advisory lock for as long as it works
 * (a transaction lock for a full restore, a session lock on the export's
 * connection). A crashed server's connections close, its locks vanish: a
 * RUNNING run whose lock is free has no one working on it.
 */
export const RUN_LOCK_KEY_SQL = `hashtextextended('restore-run:' || $1::text, 0)`;

export async function holdRunLockForTransaction(tx: DbOrTx, runId: string): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${RUN_LOCK_KEY_SQL})::text`, runId);
}

/** True when no one holds the run's lock (checked without waiting). */
export async function isRunOrphaned(tx: DbOrTx, runId: string): Promise<boolean> {
  const [row] = await tx.$queryRawUnsafe<{ free: boolean }[]>(`SELECT pg_try_advisory_xact_lock(${RUN_LOCK_KEY_SQL}) AS free`, runId);
  return row.free;
}
