import "server-only";
import { Logger, run, type Runner } from "graphile-worker";
import { jobTaskList } from "@/lib/jobs/job-task-list";
import { JOB } from "@/lib/jobs/job-names";

/** Recurring jobs: each also runs once when a worker starts (the key makes several starting workers add one). */
const RECURRING = [
  { name: JOB.takeDueSnapshots, cron: "*/15 * * * *", queue: "daily-snapshots" },
  { name: JOB.warnBeforeExpiry, cron: "*/10 * * * *", queue: "expiry-warnings" },
  // Retries of emails that could not be sent, and those of a worker that died while sending.
  { name: JOB.deliverEmails, cron: "* * * * *" },
  { name: JOB.sweepAbandonedRuns, cron: "* * * * *" },
] as const;

const RECURRING_ATTEMPTS = 3;

const crontab = RECURRING.map(
  ({ name, cron, ...rest }) =>
    `${cron} ${name} ?max=${RECURRING_ATTEMPTS}&jobKey=${name}&jobKeyMode=preserve_run_at${"queue" in rest ? `&queue=${rest.queue}` : ""}`,
).join("\n");

/** Problems and what a worker starts; not a line per completed job. */
const logger = new Logger((scope) => (level, message) => {
  if (level === "debug" || (level === "info" && /^Completed task|^Worker connected|^Cron/.test(message))) return;
  const line = `[jobs${scope.workerId ? ` ${scope.workerId}` : ""}] ${message}`;
  if (level === "error" || level === "warning") console.error(line);
  else console.log(line);
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type JobWorker = {
  /** Takes no new jobs and waits for the running ones, at most `limitMs`; false when the limit passed first. */
  stop(limitMs: number): Promise<boolean>;
};

/**
 * Runs background jobs in this process until stopped: restores, exports,
 * emails, daily backups, warnings, the abandoned-run sweep. A worker that
 * cannot reach the database (at start, or when the queue's runner gives up
 * later) tries again with growing waits, up to 30 s apart, and carries on
 * once it can — no restart needed.
 */
export function startJobWorker({ databaseUrl, concurrency }: { databaseUrl: string; concurrency: number }): JobWorker {
  let runner: Runner | null = null;
  let stopping = false;
  let restart: (reason: unknown) => void = () => undefined;

  // The queue lets some errors of a lost connection escape as unhandled
  // rejections (recording a job's failure while the database is away); left
  // alone they would end the process. Such a runner is replaced instead.
  process.on("unhandledRejection", (reason) => {
    if (String((reason as Error | null)?.stack ?? "").includes("graphile-worker")) return restart(reason);
    // Anything else: as Node.js would do without this listener, unless another one handles it.
    if (process.listenerCount("unhandledRejection") === 1) throw reason;
  });

  const keepRunning = async () => {
    for (let failures = 0; !stopping; ) {
      try {
        const restarted = new Promise<never>((_, reject) => (restart = reject));
        runner = await run({
          connectionString: databaseUrl,
          concurrency,
          maxPoolSize: concurrency + 2,
          taskList: jobTaskList,
          crontab,
          logger,
          // Shutdown is ours (see stop): the queue's own handler would exit before a restore ends.
          noHandleSignals: true,
          // Never aborts a job here: a restore is one transaction, ended by its commit or by the process's exit.
          gracefulShutdownAbortTimeout: 2 ** 31 - 1,
        });
        for (const { name, ...rest } of RECURRING) {
          await runner.addJob(name, {}, { jobKey: name, jobKeyMode: "preserve_run_at", maxAttempts: RECURRING_ATTEMPTS, queueName: "queue" in rest ? rest.queue : undefined });
        }
        failures = 0;
        console.log(`[jobs] worker ${process.pid} taking jobs (${concurrency} at a time)`);
        await Promise.race([runner.promise, restarted]);
        if (!stopping) throw new Error("the job runner stopped by itself");
      } catch (error) {
        if (stopping) return;
        const wait = Math.min(1000 * 2 ** failures++, 30_000);
        console.error(`[jobs] cannot run jobs (${error instanceof Error ? error.message : String(error)}); trying again in ${wait / 1000} s`);
        // The old runner goes in the background: it cannot record anything while the database is away.
        void runner?.kill().catch(() => undefined);
        runner = null;
        await sleep(wait);
      }
    }
  };
  const running = keepRunning();

  return {
    async stop(limitMs) {
      stopping = true;
      const stopped = (runner ? runner.stop() : Promise.resolve()).then(() => running).then(() => true, () => true);
      const limit = new Promise<false>((resolve) => setTimeout(() => resolve(false), limitMs).unref());
      return Promise.race([stopped, limit]);
    },
  };
}
