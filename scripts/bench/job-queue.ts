import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { ACCOUNT_TABLE_KEYS } from "@/lib/account-data/tables";
import { executeRun } from "@/lib/restore/execute-run";
import { startRestoreRun } from "@/lib/restore/start-run";
import { applyDailyChurn } from "@/lib/seed/account-history";
import { scaleCounts } from "@/lib/seed/seed-demo";
import { createStaff, createTestAccount } from "@/lib/testing/fixtures";
import { createTicketInState } from "@/lib/testing/ticket-fixtures";
import { startWorkerProcess, type WorkerProcess } from "@/lib/testing/worker-process";
import { pacedLoad, type PacedResult } from "./paced-load";
import { signIn } from "./page-render";
import { approvedTicket, dropLatestSnapshot, scaleContext } from "./restore-run";
import { ms } from "./stats";

const QUEUE_ACCOUNT = "queue-benchmark.example";
const ROUNDS = 20;
const sleep = (n: number) => new Promise((r) => setTimeout(r, n));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A small account of its own for the overhead rounds (CSV exports of ~1,000 items). */
async function queueAccount(db: Db) {
  const found = await db.account.findUnique({ where: { portalAddress: QUEUE_ACCOUNT } });
  const accountId = found?.id ?? (await createTestAccount(db, { snapshotDaysAgo: [1] })).account.id;
  if (!found) await db.account.update({ where: { id: accountId }, data: { portalAddress: QUEUE_ACCOUNT, name: "Queue benchmark" } });
  const account = await db.account.findUniqueOrThrow({ where: { id: accountId }, include: { snapshots: { where: { kind: "DAILY" }, orderBy: { takenAt: "desc" }, take: 1 } } });
  return { accountId, requesterId: account.ownerId!, snapshotId: account.snapshots[0].id };
}

async function untilRunEnds(db: Db, runId: string) {
  for (;;) {
    const run = await db.restoreRun.findUniqueOrThrow({ where: { id: runId } });
    if (run.status !== "RUNNING") return run;
    await sleep(20);
  }
}

/**
 * Issue 18's figures: (1) from *Run restore* to the run's first progress
 * update, through the queue (a worker process woken by the queue's NOTIFY)
 * next to the old in-process start (the request's own process calling the
 * runner), median of 20 each; (2) the 50-agent paced load on the ticket list
 * during a full restore of the 2.56 M-row scale account, with the restore in
 * the web server's own process (one `npm start`) and in a worker process of
 * its own (WORKERS=off web server + `npm run worker`).
 */
export async function benchJobQueue({ db, url, base, crmRows, startServer }: { db: Db; url: string; base: string; crmRows: number; startServer: (o: { workers: boolean }) => Promise<() => void> }) {
  console.log(`\n## Job queue (graphile-worker)`);
  const storageRoot = mkdtempSync(path.join(tmpdir(), "rd-bench-queue-"));
  const env = { FILE_STORAGE_DIR: storageRoot, SMTP_URL: "" };
  const account = await queueAccount(db);
  const agent = (await createStaff(db)).actor;
  const watcher = new pg.Client({ connectionString: url });
  await watcher.connect();

  const clickToFirstProgress = async (execute: (runId: string) => void) => {
    const ticket = await createTicketInState(db, { ...account, method: "CSV" });
    const started = performance.now();
    const { runId } = await startRestoreRun({ db, actor: agent, number: ticket.number, expectedVersion: ticket.version });
    execute(runId);
    let firstProgress = 0;
    while (!firstProgress) {
      const { rows } = await watcher.query<{ beat: boolean }>(`SELECT "heartbeatAt" IS NOT NULL AS beat FROM restore_run WHERE id = $1`, [runId]);
      if (rows[0].beat) firstProgress = performance.now();
      else await sleep(1);
    }
    const run = await untilRunEnds(db, runId);
    if (run.status !== "SUCCEEDED") throw new Error(`benchmark run failed: ${run.error}`);
    return firstProgress - started;
  };
  const rounds = async (execute: (runId: string) => void) => {
    for (let i = 0; i < 2; i++) await clickToFirstProgress(execute); // warm-up
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) times.push(await clickToFirstProgress(execute));
    return median(times);
  };

  // The old way first, with no worker running: the request's own process starts the runner.
  const inProcess = await rounds((runId) => void executeRun({ db, databaseUrl: url, storageRoot }, runId));
  const worker = startWorkerProcess(url, env);
  await worker.until(/taking jobs/);
  const queued = await rounds(() => undefined);
  worker.child.kill("SIGTERM");
  await worker.exited;
  console.log(`  Run restore → first progress, in the request's process  ${ms(inProcess)} (median of ${ROUNDS}; the reference)`);
  console.log(`  Run restore → first progress, through the queue         ${ms(queued)} (median of ${ROUNDS}); adds ${ms(queued - inProcess).trim()} (target ≤ 200 ms)`);

  // 50 agents on the ticket list while the scale account is restored, one process vs two.
  const ctx = await scaleContext(db, url, crmRows);
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 8);
  const results: Record<string, { load: PacedResult; restoreMs: number }> = {};
  for (const shape of ["in the web server's process", "in a worker process of its own"] as const) {
    const separate = shape === "in a worker process of its own";
    const stop = await startServer({ workers: !separate });
    let restoreWorker: WorkerProcess | null = null;
    try {
      if (separate) {
        restoreWorker = startWorkerProcess(url, { ...env, WORKER_CONCURRENCY: "1" });
        await restoreWorker.until(/taking jobs/);
      }
      const cookie = await signIn(base, "support@restoredesk.test", "demo-pass-2026");
      await pacedLoad({ url: `${base}/support/tickets`, clients: 10, rate: 10, seconds: 2, request: () => ({ headers: { cookie } }) }); // warm-up
      const counts = scaleCounts(crmRows);
      const next = Object.fromEntries(ACCOUNT_TABLE_KEYS.map((k) => [k, counts[k] * 2])) as typeof counts;
      await applyDailyChurn(db, ctx.accountId, next, [new Date(Date.now() - 3_600_000), new Date()], `bench-queue-${Date.now()}`);
      const ticket = await approvedTicket(ctx, "FULL");
      const started = performance.now();
      const { runId } = await startRestoreRun({ db, actor: ctx.agent, number: ticket.number, expectedVersion: ticket.version });
      // Measured once the restore is inside its transaction, copying the account.
      for (;;) {
        const run = await db.restoreRun.findUniqueOrThrow({ where: { id: runId } });
        if (run.status !== "RUNNING" || run.phase !== "QUEUED") break;
        await sleep(50);
      }
      const load = await pacedLoad({ url: `${base}/support/tickets`, clients: 50, rate: 25, seconds, request: () => ({ headers: { cookie } }) });
      const run = await untilRunEnds(db, runId);
      if (run.status !== "SUCCEEDED") throw new Error(`benchmark restore failed: ${run.error}`);
      results[shape] = { load, restoreMs: performance.now() - started };
      await dropLatestSnapshot(db, run.safetySnapshotId!);
    } finally {
      restoreWorker?.child.kill("SIGTERM");
      await restoreWorker?.exited;
      stop();
      await sleep(1000);
    }
  }
  for (const [shape, { load, restoreMs }] of Object.entries(results)) {
    console.log(
      `  ticket list, 50 agents, restore ${shape.padEnd(31)} p50 ${load.p50} ms, p99 ${load.p99} ms, max ${load.max} ms; ${load.failed} errors (restore ${(restoreMs / 1000).toFixed(1)} s; target p99 < 500 ms)`,
    );
  }
  await watcher.end();
}
