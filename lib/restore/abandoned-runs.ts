import "server-only";
import type { Db } from "@/lib/db/client";
import { recordRunFailure } from "@/lib/restore/run-outcome";
import { isRunOrphaned } from "@/lib/restore/run-lock";

/** A worker writes its heartbeat every second; this long without one and no lock holder means it died. */
export const ABANDONED_AFTER_MS = 30_000;

/**
 * Marks runs whose worker died (server killed, machine restarted) as failed,
 * so their tickets can be retried. Their data work never committed: a full
 * restore is one transaction. A run counts as abandoned only when no one
 * holds its lock *and* its heartbeat is stale — never a run that is merely
 * slow, nor one that was just created and not yet picked up.
 */
export async function failAbandonedRuns({ db, now = new Date(), staleAfterMs = ABANDONED_AFTER_MS }: { db: Db; now?: Date; staleAfterMs?: number }): Promise<string[]> {
  const candidates = await db.restoreRun.findMany({
    where: { status: "RUNNING", OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: new Date(now.getTime() - staleAfterMs) } }] },
    select: { id: true, ticketId: true, accountId: true, kind: true, startedById: true },
  });
  const failed: string[] = [];
  for (const run of candidates) {
    const orphaned = await db.$transaction((tx) => isRunOrphaned(tx, run.id));
    if (orphaned && (await recordRunFailure(db, run, { reason: "SERVER_STOPPED" }))) failed.push(run.id);
  }
  return failed;
}
