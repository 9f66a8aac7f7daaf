// npm run worker: a worker of the job queue alone, no web server (beside web
// servers started with WORKERS=off). On SIGTERM/SIGINT it takes no new jobs
// and lets a running restore finish (WORKER_SHUTDOWN_LIMIT_SECONDS), then exits.
//   node --import tsx --conditions=react-server scripts/worker.ts   (DATABASE_URL set)
import { startJobWorker } from "@/lib/jobs/start-job-worker";
import { workerSettings } from "@/lib/jobs/worker-settings";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set (npm run worker sets it for you).");
  process.exit(2);
}
const settings = workerSettings(process.env);
const worker = startJobWorker({ databaseUrl, concurrency: settings.concurrency });

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`[jobs] worker ${process.pid}: ${signal}, finishing the running jobs (at most ${settings.shutdownLimitMs / 1000} s)`);
    const finished = await worker.stop(settings.shutdownLimitMs);
    if (!finished) console.error("[jobs] the shutdown limit passed with a job still running: it is cut off (a restore rolls back)");
    else console.log(`[jobs] worker ${process.pid} stopped`);
    process.exit(finished ? 0 : 1);
  });
}
