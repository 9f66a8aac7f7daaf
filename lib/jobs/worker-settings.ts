/** A worker's settings from the environment. Pure. */
export type WorkerSettings = { concurrency: number; shutdownLimitMs: number };

const positiveInteger = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * WORKER_CONCURRENCY: jobs at once (default 4; a restore holds one of them for
 * its whole length). WORKER_SHUTDOWN_LIMIT_SECONDS: on SIGTERM, how long a
 * running restore may take to finish before the process exits anyway (default
 * 600; the restore then rolls back and its run is marked failed, to retry).
 */
export function workerSettings(env: Partial<Record<string, string>>): WorkerSettings {
  return {
    concurrency: positiveInteger(env.WORKER_CONCURRENCY, 4),
    shutdownLimitMs: positiveInteger(env.WORKER_SHUTDOWN_LIMIT_SECONDS, 600) * 1000,
  };
}
