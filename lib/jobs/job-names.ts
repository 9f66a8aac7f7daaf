/**
 * Every kind of background job, by the name the queue knows it under.
 * Pure: the web servers that add jobs and the workers that run them agree here.
 */
export const JOB = {
  /** A restore, an undo or a CSV export: `{ runId }`. */
  executeRun: "execute-run",
  /** Sends the emails that are due (the outbox is the source of truth): `{}`. */
  deliverEmails: "deliver-emails",
  /** Takes the daily backups that are due and prunes expired ones and expired CSV files (cron). */
  takeDueSnapshots: "take-due-snapshots",
  /** Warns about backups and loss alerts about to expire (cron). */
  warnBeforeExpiry: "warn-before-expiry",
  /** Removes attachments past their ticket's retention and uploads never sent; forgets stale presence (cron). */
  tidyTickets: "tidy-tickets",
  /** Marks runs whose worker died as failed, so they can be retried. */
  sweepAbandonedRuns: "sweep-abandoned-runs",
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

/** A run's job key: at most one job per run, whoever adds it. */
export const runJobKey = (runId: string) => `run:${runId}`;
