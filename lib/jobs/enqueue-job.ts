import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { JobName } from "@/lib/jobs/job-names";

export type JobOptions = {
  /** One job per key: adding again replaces a waiting job (a running one keeps running, and a new one waits). */
  key?: string;
  /** With a key: a job already waiting keeps its time instead of taking this one's (so repeated adds cannot postpone it forever). */
  keepWaitingRunAt?: boolean;
  /** Tries before the job is failed for good (the queue waits e^attempt seconds between them). */
  maxAttempts: number;
  runAt?: Date;
};

/**
 * Adds a job inside the caller's transaction: it exists exactly when the
 * transaction commits (a rolled-back request leaves no job behind), and the
 * queue's NOTIFY wakes an idle worker at the commit.
 */
export async function enqueueJob(tx: DbOrTx, name: JobName, payload: Record<string, unknown>, { key, keepWaitingRunAt = false, maxAttempts, runAt }: JobOptions): Promise<void> {
  await tx.$queryRaw`SELECT id FROM graphile_worker.add_job(
    ${name}, ${JSON.stringify(payload)}::json,
    run_at => ${runAt ?? null}::timestamptz, max_attempts => ${maxAttempts}::int, job_key => ${key ?? null}::text,
    job_key_mode => ${keepWaitingRunAt ? "preserve_run_at" : "replace"}::text)`;
}
