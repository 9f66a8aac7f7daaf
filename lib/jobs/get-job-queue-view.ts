import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { JOB_STATES, jobState, type JobState } from "@/lib/jobs/job-state";

/** Finished jobs leave the queue; what stays is what waits, runs or failed — few rows, even on a busy day. */
const MAX_JOBS = 1000;

type QueueRow = { id: string; task: string; key: string | null; runAt: Date; attempts: number; maxAttempts: number; lastError: string | null; lockedAt: Date | null; lockedBy: string | null; updatedAt: Date };

export type JobView = QueueRow & { state: JobState };
export type JobQueueView = {
  counts: Record<JobState, number>;
  /** Per kind of job: how many in each state, and when the next one is due. */
  tasks: { task: string; counts: Record<JobState, number>; nextRunAt: Date | null }[];
  /** Running now, then those that failed or wait to retry, newest first. */
  attention: JobView[];
  truncated: boolean;
};

const zero = () => Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;

/** The support page's read-only view of the job queue (`graphile_worker.jobs`, the queue's public view). */
export async function getJobQueueView({ db = prisma, now = new Date() }: { db?: Db; now?: Date } = {}): Promise<JobQueueView> {
  const rows = await db.$queryRaw<QueueRow[]>`
    SELECT id::text, task_identifier AS task, key, run_at AS "runAt", attempts, max_attempts AS "maxAttempts", last_error AS "lastError",
           locked_at AS "lockedAt", locked_by AS "lockedBy", updated_at AS "updatedAt"
    FROM graphile_worker.jobs ORDER BY locked_at IS NULL, updated_at DESC LIMIT ${MAX_JOBS + 1}`;
  const jobs = rows.slice(0, MAX_JOBS).map((row) => ({ ...row, state: jobState(row, now) }));
  const counts = zero();
  const tasks = new Map<string, JobQueueView["tasks"][number]>();
  for (const job of jobs) {
    counts[job.state]++;
    const task = tasks.get(job.task) ?? { task: job.task, counts: zero(), nextRunAt: null };
    task.counts[job.state]++;
    if ((job.state === "WAITING" || job.state === "SCHEDULED") && (!task.nextRunAt || job.runAt < task.nextRunAt)) task.nextRunAt = job.runAt;
    tasks.set(job.task, task);
  }
  const order: Partial<Record<JobState, number>> = { RUNNING: 0, FAILED: 1, RETRYING: 2 };
  const attention = jobs
    .filter((job) => job.state in order)
    .sort((a, b) => order[a.state]! - order[b.state]! || b.updatedAt.getTime() - a.updatedAt.getTime())
    .slice(0, 100);
  return { counts, tasks: [...tasks.values()].sort((a, b) => a.task.localeCompare(b.task)), attention, truncated: rows.length > MAX_JOBS };
}
