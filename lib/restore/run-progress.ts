import "server-only";
import type { Db } from "@/lib/db/client";

export const RUN_PHASES = ["QUEUED", "SAFETY_SNAPSHOT", "REPLACING", "VERIFYING", "EXPORTING", "FINISHING"] as const;
export type RunPhase = (typeof RUN_PHASES)[number];

export type RunProgressUpdate = { phase: RunPhase; table: string | null; rowsDone: number; rowsTotal: number };

export type ProgressReporter = {
  /** Records the latest figures; written with the next heartbeat. */
  update(progress: RunProgressUpdate): void;
  /** Records and writes at once (phase changes). */
  report(progress: RunProgressUpdate): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Progress goes to the run's row on its own connection, outside the run's
 * transaction, so the ticket page sees it live. The same writes are the
 * run's heartbeat. Failing to write progress never fails the run.
 */
export function createProgressReporter(db: Db, runId: string, { heartbeatMs = 1000 } = {}): ProgressReporter {
  let latest: RunProgressUpdate | null = null;
  let chain: Promise<void> = Promise.resolve();

  const write = () => {
    const p = latest;
    chain = chain
      .then(async () => {
        await db.$executeRaw`UPDATE restore_run SET "heartbeatAt" = now(),
            phase = coalesce(${p?.phase ?? null}, phase), "currentTable" = ${p?.table ?? null},
            "rowsDone" = coalesce(${p?.rowsDone ?? null}::bigint, "rowsDone"), "rowsTotal" = coalesce(${p?.rowsTotal ?? null}::bigint, "rowsTotal")
          WHERE id = ${runId}::uuid AND status = 'RUNNING'`;
      })
      .catch((error) => console.error(`[restore] progress of run ${runId} not recorded`, error));
    return chain;
  };
  // The first heartbeat at once: the run's page shows it has been taken by a worker.
  void write();
  const timer = setInterval(write, heartbeatMs);
  timer.unref();

  return {
    update(progress) {
      latest = progress;
    },
    report(progress) {
      latest = progress;
      return write();
    },
    async stop() {
      clearInterval(timer);
      await chain;
    },
  };
}
