import "server-only";
import { Logger, run, type Runner } from "graphile-worker";
import { jobTaskList } from "@/lib/jobs/job-task-list";
import { JOB } from "@/lib/jobs/job-names";

/**
 * Recurring jobs: each also runs once when a worker starts (the key makes
 * several starting workers add one). No named queues: a worker killed while
 * holding one would block it for the queue's 4-hour lock, and each of these
 * is safe twice at once (snapshots: each account's lock and once-a-day check;
 * warnings and emails: one per source key / outbox claim; the sweep: the run lock).
 */
const RECURRING = [
  { name: JOB.takeDueSnapshots, cron: "*/15 * * * *" },
  { name: JOB.warnBeforeExpiry, cron: "*/10 * * * *" },
  { name: JOB.tidyTickets, cron: "7 * * * *" },
  // Retries of emails that could not be sent, and those of a worker that died while sending.
  { name: JOB.deliverEmails, cron: "* * * * *" },
  { name: JOB.sweepAbandonedRuns, cron: "* * * * *" },
] as const;

const RECURRING_ATTEMPTS = 3;

const crontab = RECURRING.map(({ name, cron }) => `${cron} ${name} ?max=${RECURRING_ATTEMPTS}&jobKey=${name}&jobKeyMode=preserve_run_at`).join("\n");

/** Problems and what a worker starts; not a line per completed job. */
const logger = new Logger((scope) => (level, message) => {
  if (level === "debug" || (level === "info" && /^Completed task|^Worker connected|^Cron/.test(message))) return;
  const line = `[jobs${scope.workerId ? ` ${scope.workerId}` : ""}] ${message}`;
  if (level === "error" || level === "warning") console.error(line);
  else console.log(line);
});

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
  /** A replaced runner being killed in the background: its own late errors must not replace its successor. */
  let retiring: Promise<unknown> | null = null;
  let restart: (reason: unknown) => void = () => undefined;
  let wakeUp: () => void = () => undefined;
  const backoff = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  // The queue lets some errors of a lost connection escape as unhandled
  // rejections (recording a job's failure while the database is away); left
  // alone they would end the process. Such a runner is replaced instead.
  // Other unhandled rejections are logged, as Next.js does for the web server.
  process.on("unhandledRejection", (reason) => {
    const fromQueue = String((reason as Error | null)?.stack ?? "").includes("graphile-worker");
    console.error(`[jobs] unhandled rejection${fromQueue ? " in the job queue" : ""}:`, reason);
    if (fromQueue && !retiring) restart(reason);
  });

  const keepRunning = async () => {
    for (let failures = 0; !stopping; ) {
      try {
        const restarted = new Promise<never>((_, reject) => (restart = reject));
        restarted.catch(() => undefined);
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
        // Stopped while the runner was starting: it takes nothing.
        if (stopping) return await runner.stop();
        for (const { name } of RECURRING) await runner.addJob(name, {}, { jobKey: name, jobKeyMode: "preserve_run_at", maxAttempts: RECURRING_ATTEMPTS });
        failures = 0;
        console.log(`[jobs] worker ${process.pid} taking jobs (${concurrency} at a time)`);
        await Promise.race([runner.promise, restarted]);
        if (!stopping) throw new Error("the job runner stopped by itself");
      } catch (error) {
        if (stopping) return;
        const wait = Math.min(1000 * 2 ** failures++, 30_000);
        console.error(`[jobs] cannot run jobs (${error instanceof Error ? error.message : String(error)}); trying again in ${wait / 1000} s`);
        // The old runner goes in the background: it cannot record anything while the database is away.
        if (runner) retiring = runner.kill().catch(() => undefined).finally(() => (retiring = null));
        runner = null;
        await backoff(wait);
      }
    }
  };
  const running = keepRunning();

  return {
    async stop(limitMs) {
      stopping = true;
      wakeUp();
      const stopped = Promise.resolve(runner?.stop())
        .catch(() => undefined)
        .then(() => running)
        .then(() => true, () => true);
      const limit = new Promise<false>((resolve) => setTimeout(() => resolve(false), limitMs).unref());
      return Promise.race([stopped, limit]);
    },
  };
}
