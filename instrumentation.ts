/**
 * Runs once when the server starts: unless WORKERS=off, this process is also
 * a worker of the job queue (the newcomer's one `npm start`). Several servers:
 * web servers with WORKERS=off and workers of their own (`npm run worker`).
 */
export async function register() {
  const STOP_WORKER = Symbol.for("restore-desk.stop-worker");
  const global = globalThis as Record<symbol, unknown>;
  // Once per process (a development reload may register again).
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL || process.env.WORKERS === "off" || global[STOP_WORKER]) return;
  const { startJobWorker } = await import("@/lib/jobs/start-job-worker");
  const { workerSettings } = await import("@/lib/jobs/worker-settings");
  const settings = workerSettings(process.env);
  const worker = startJobWorker({ databaseUrl: process.env.DATABASE_URL, concurrency: settings.concurrency });
  // scripts/server.mjs calls this on SIGTERM, after it stopped taking requests.
  global[STOP_WORKER] = () => worker.stop(settings.shutdownLimitMs);
}
