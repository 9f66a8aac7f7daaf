import { mkdtempSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { lockAccountForWrite } from "@/lib/account-data/account-lock";
import { runJobKey } from "@/lib/jobs/job-names";
import { startRestoreRun } from "@/lib/restore/start-run";
import { createStaff, createTestAccount } from "@/lib/testing/fixtures";
import { useTestDatabase } from "@/lib/testing/test-db";
import { createTicketInState, dumpLiveAccount, dumpSnapshot } from "@/lib/testing/ticket-fixtures";
import { startWorkerProcess, type WorkerProcess } from "@/lib/testing/worker-process";

const t = useTestDatabase();
const storage = () => ({ FILE_STORAGE_DIR: mkdtempSync(path.join(tmpdir(), "rd-worker-")) });
const workers: WorkerProcess[] = [];
const worker = (url = t.url, env: Record<string, string> = {}) => {
  const started = startWorkerProcess(url, { ...storage(), ...env });
  workers.push(started);
  return started;
};

afterEach(async () => {
  for (const w of workers.splice(0)) {
    w.child.kill("SIGKILL");
    await w.exited;
  }
});

/** Waits for the run's status; a failure shows what the worker printed. */
const untilRun = (runId: string, status: string, w?: WorkerProcess) =>
  vi.waitFor(
    async () => {
      const run = await t.db.restoreRun.findUniqueOrThrow({ where: { id: runId } });
      if (run.status !== status) throw new Error(`run ${runId} is ${run.status}, not ${status}${w ? `; the worker printed:\n${w.output()}` : ""}`);
      return run;
    },
    { timeout: 60_000, interval: 50 },
  );

async function startRun(method: "FULL" | "CSV" = "FULL") {
  const acme = await createTestAccount(t.db, { snapshotDaysAgo: [1] });
  const lead = await createStaff(t.db, { lead: true });
  const ticket = await createTicketInState(t.db, { accountId: acme.account.id, requesterId: acme.admin.id, snapshotId: acme.snapshots[0].id, method });
  const { runId } = await startRestoreRun({ db: t.db, actor: lead.actor, number: ticket.number, expectedVersion: ticket.version });
  return { acme, runId };
}

/** A loopback port nothing listens on (until the test listens on it). */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const jobRows = (where: string) => t.db.$queryRawUnsafe<{ key: string | null; attempts: number; max_attempts: number; last_error: string | null; locked_at: Date | null }[]>(`SELECT key, attempts, max_attempts, last_error, locked_at FROM graphile_worker.jobs WHERE ${where}`);

describe("the job worker (npm run worker)", () => {
  it("carries out a restore started by support, sends its emails, and leaves no job behind", { timeout: 120_000 }, async () => {
    const w = worker();
    await w.until(/taking jobs/);
    const { acme, runId } = await startRun();
    const run = await untilRun(runId, "SUCCEEDED");
    expect(run.heartbeatAt).not.toBeNull();
    expect(await dumpLiveAccount(t.db, acme.account.id)).toEqual(await dumpSnapshot(t.db, acme.snapshots[0].id));
    expect(await jobRows(`key = '${runJobKey(runId)}'`)).toEqual([]);
    // Without SMTP, the emails the run caused are kept for the outbox page, by the worker, at once.
    await vi.waitFor(async () => expect(await t.db.emailOutbox.count({ where: { status: "PENDING" } })).toBe(0), { timeout: 30_000, interval: 50 });
    expect(await t.db.emailOutbox.count({ where: { status: "KEPT" } })).toBeGreaterThan(0);
  });

  it("an email the mail server refused is tried again when the outbox's retry policy says, not at the next minute's round", { timeout: 120_000 }, async () => {
    const w = worker(t.url, { SMTP_URL: `smtp://127.0.0.1:${await freePort()}` });
    await w.until(/taking jobs/);
    const { runId } = await startRun();
    await untilRun(runId, "SUCCEEDED", w);
    await vi.waitFor(
      async () => {
        const refused = await t.db.emailOutbox.findMany({ where: { status: "PENDING", attempts: 1 } });
        expect(refused.length).toBeGreaterThan(0);
        const first = Math.min(...refused.map((e) => e.nextAttemptAt.getTime()));
        const [next] = await t.db.$queryRaw<{ run_at: Date }[]>`SELECT run_at FROM graphile_worker.jobs WHERE key = 'deliver-emails:next-try'`;
        expect(Math.abs(next.run_at.getTime() - first)).toBeLessThan(1000);
      },
      { timeout: 60_000, interval: 100 },
    );
  });

  it("fails a job whose payload does not parse at once, with the reason, and ends a job for a run that is gone cleanly", { timeout: 60_000 }, async () => {
    const w = worker();
    await w.until(/taking jobs/);
    await t.db.$queryRaw`SELECT id FROM graphile_worker.add_job('execute-run', '{"runId": "not-a-uuid"}'::json, job_key => 'bad-payload', max_attempts => 25)`;
    await t.db.$queryRaw`SELECT id FROM graphile_worker.add_job('execute-run', '{"runId": "6f1c1f8e-8f5b-4c61-9d6a-8d2b1f6d0a11"}'::json, job_key => 'gone-run', max_attempts => 25)`;
    await vi.waitFor(
      async () => {
        const [bad] = await jobRows(`key = 'bad-payload'`);
        expect(bad).toMatchObject({ attempts: 25, max_attempts: 25, locked_at: null });
        expect(bad.last_error).toMatch(/execute-run: the payload does not parse/);
        expect(await jobRows(`key = 'gone-run'`)).toEqual([]);
      },
      { timeout: 30_000, interval: 100 },
    );
  });

  it("on SIGTERM takes no new job and lets the running restore finish, then exits", { timeout: 120_000 }, async () => {
    const w = worker();
    await w.until(/taking jobs/);
    const { acme, runId } = await startRun();
    // Support-side writers hold the account: the restore waits for its lock, inside its job.
    let release!: () => void;
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    const writer = t.db.$transaction(async (tx) => {
      await lockAccountForWrite(tx, acme.account.id);
      holding();
      await new Promise<void>((r) => (release = r));
    });
    await held;
    await vi.waitFor(
      async () => {
        const waiting = await t.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%pg_advisory_xact_lock%'`;
        expect(Number(waiting[0].n)).toBe(1);
      },
      { timeout: 30_000, interval: 50 },
    );
    w.child.kill("SIGTERM");
    await w.until(/SIGTERM, finishing the running jobs/);
    const later = await startRun("CSV");
    release();
    await writer;
    expect(await w.exited).toEqual({ code: 0, signal: null });
    expect((await t.db.restoreRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("SUCCEEDED");
    // The job added after SIGTERM was not taken: it waits for the next worker.
    expect(await t.db.restoreRun.findUniqueOrThrow({ where: { id: later.runId } })).toMatchObject({ status: "RUNNING", heartbeatAt: null });
    expect(await jobRows(`key = '${runJobKey(later.runId)}' AND locked_at IS NULL`)).toHaveLength(1);
  });

  it("cannot reach the database: tries again with growing waits, and works once it can — at start and after losing it", { timeout: 180_000 }, async () => {
    const target = new URL(t.url);
    const sockets = new Set<net.Socket>();
    const proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    const port = await freePort();
    const viaProxy = new URL(t.url);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(port);
    const w = worker(viaProxy.toString());
    // Nothing listens yet.
    await w.until(/cannot run jobs .*trying again in 1 s/);
    await w.until(/trying again in 2 s/);
    await new Promise<void>((resolve) => proxy.listen(port, "127.0.0.1", resolve));
    await w.until(/taking jobs/);
    const first = await startRun("CSV");
    await untilRun(first.runId, "SUCCEEDED", w);

    // The database goes away under the running worker, then comes back.
    const before = w.output().length;
    await new Promise<void>((resolve) => {
      proxy.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
    await vi.waitFor(() => expect(w.output().slice(before)).toMatch(/error|cannot/i), { timeout: 60_000, interval: 100 });
    await new Promise<void>((resolve) => proxy.listen(port, "127.0.0.1", resolve));
    const second = await startRun("CSV");
    await untilRun(second.runId, "SUCCEEDED", w);
    proxy.close();
    for (const s of sockets) s.destroy();
  });
});
