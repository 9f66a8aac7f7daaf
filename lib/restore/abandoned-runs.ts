import "server-only";
import type { Db } from "@/lib/db/client";
import type { RunKind } from "@/lib/generated/prisma/enums";
import { recordRunFailure } from "@/lib/restore/run-outcome";
import { isRunOrphaned } from "@/lib/restore/run-lock";
import { runJobKey } from "@/lib/jobs/job-names";

/** A worker writes its heartbeat every second; this long without one and no lock holder means it died. */
export const ABANDONED_AFTER_MS = 20_000;

/**
 * Marks runs whose worker died (server killed, machine restarted) as failed,
 * so their tickets can be retried. Their data work never committed: a full
 * restore is one transaction. A run counts as abandoned only when no one
 * holds its lock *and* its heartbeat is stale — never a run that is merely
 * slow. A run no worker has taken yet (no heartbeat) is abandoned only once
 * its job is neither waiting in the queue nor taken by a worker within that
 * time: taken by a worker that died before its first heartbeat, or gone.
 */
export async function failAbandonedRuns({ db, now = new Date(), staleAfterMs = ABANDONED_AFTER_MS }: { db: Db; now?: Date; staleAfterMs?: number }): Promise<string[]> {
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  const candidates = await db.$queryRaw<{ id: string; ticketId: string; accountId: string; kind: RunKind; startedById: string | null }[]>`
    SELECT r.id, r."ticketId", r."accountId", r.kind, r."startedById" FROM restore_run r
    WHERE r.status = 'RUNNING' AND (
      r."heartbeatAt" < ${staleBefore}
      OR (r."heartbeatAt" IS NULL AND r."startedAt" < ${staleBefore} AND NOT EXISTS (
        SELECT 1 FROM graphile_worker.jobs j
        WHERE j.key = ${runJobKey("")} || r.id::text
          AND ((j.locked_at IS NULL AND j.attempts < j.max_attempts) OR j.locked_at >= ${staleBefore}))))`;
  const failed: string[] = [];
  for (const run of candidates) {
    const orphaned = await db.$transaction((tx) => isRunOrphaned(tx, run.id));
    if (orphaned && (await recordRunFailure(db, run, { reason: "SERVER_STOPPED" }))) failed.push(run.id);
  }
  return failed;
}
