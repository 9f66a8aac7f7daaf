/** Where a job of the queue stands. Pure. */
export const JOB_STATES = ["RUNNING", "WAITING", "SCHEDULED", "RETRYING", "FAILED"] as const;
export type JobState = (typeof JOB_STATES)[number];

export type JobRow = { lockedAt: Date | null; attempts: number; maxAttempts: number; runAt: Date; lastError: string | null };

/**
 * RUNNING: a worker holds it. FAILED: no attempt left (kept, with its error,
 * until someone removes it). RETRYING: it failed and waits for its next try.
 * SCHEDULED: not due yet (a cron item's next run, a delayed sweep).
 * WAITING: due, for the next free worker.
 */
export function jobState(job: JobRow, now: Date): JobState {
  if (job.lockedAt) return "RUNNING";
  if (job.attempts >= job.maxAttempts) return "FAILED";
  if (job.lastError !== null) return "RETRYING";
  return job.runAt > now ? "SCHEDULED" : "WAITING";
}
