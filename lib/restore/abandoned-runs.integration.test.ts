import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runJobKey } from "@/lib/jobs/job-names";
import { failAbandonedRuns } from "@/lib/restore/abandoned-runs";
import { executeRun } from "@/lib/restore/execute-run";
import { holdRunLockForTransaction } from "@/lib/restore/run-lock";
import { startRestoreRun } from "@/lib/restore/start-run";
import { applyDailyChurn } from "@/lib/seed/account-history";
import { createStaff, createTestAccount } from "@/lib/testing/fixtures";
import { runFaults } from "@/lib/testing/run-faults";
import { useTestDatabase } from "@/lib/testing/test-db";
import { createTicketInState, dumpLiveAccount, dumpSnapshot } from "@/lib/testing/ticket-fixtures";
import { versionState } from "@/lib/testing/version-state";
import { ACCOUNT_TABLE_KEYS } from "@/lib/account-data/tables";

const t = useTestDatabase();
const KILLS = Number(process.env.FAULT_KILLS ?? 50);
const RANDOM_KILLS = Number(process.env.FAULT_RANDOM_KILLS ?? 10);
const COUNTS = { company: 800, contact: 3000, deal: 1500, lead: 1200, activity: 2500, comment: 1500, history: 2500, task: 400, product: 150, customField: 7 };

const { spawnRun, untilSettled } = runFaults(t);

describe("runs whose worker died", () => {
  it("are marked failed only when their lock is free and their heartbeat stale", async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [1] });
    const agent = await createStaff(t.db);
    const ticket = await createTicketInState(t.db, { accountId: acme.account.id, requesterId: acme.admin.id, snapshotId: acme.snapshots[0].id, method: "CSV" });
    const { runId } = await startRestoreRun({ db: t.db, actor: agent.actor, number: ticket.number, expectedVersion: ticket.version });

    // Waiting in the queue for a worker: never abandoned, however long it waits.
    expect(await failAbandonedRuns({ db: t.db, staleAfterMs: 0, now: new Date(Date.now() + 3_600_000) })).toEqual([]);
    // A worker takes its job and beats.
    await t.db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'test-worker', attempts = attempts + 1 WHERE key = ${runJobKey(runId)}`;
    await t.db.restoreRun.update({ where: { id: runId }, data: { heartbeatAt: new Date() } });
    expect(await failAbandonedRuns({ db: t.db })).toEqual([]); // fresh heartbeat
    let release!: () => void;
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    const worker = t.db.$transaction(async (tx) => {
      await holdRunLockForTransaction(tx, runId);
      holding();
      await new Promise<void>((r) => (release = r));
    });
    await held;
    expect(await failAbandonedRuns({ db: t.db, staleAfterMs: 0 })).toEqual([]); // someone is working on it
    release();
    await worker;

    expect(await failAbandonedRuns({ db: t.db, staleAfterMs: 0 })).toEqual([runId]);
    expect(await failAbandonedRuns({ db: t.db, staleAfterMs: 0 })).toEqual([]); // once
    const failed = await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id }, include: { events: { orderBy: { createdAt: "desc" }, take: 1 } } });
    expect(failed.status).toBe("FAILED");
    expect(failed.events[0]).toMatchObject({ kind: "RUN_FAILED", data: { failure: { reason: "SERVER_STOPPED" } } });
    // A worker that turns up late does nothing: the run is over.
    await executeRun({ db: t.db, databaseUrl: t.url, storageRoot: mkdtempSync(path.join(tmpdir(), "rd-late-")) }, runId);
    expect((await t.db.restoreRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("FAILED");
  });

  it("taken from the queue by a worker that died before its first heartbeat: failed once the heartbeat would be stale", async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [1] });
    const agent = await createStaff(t.db);
    const ticket = await createTicketInState(t.db, { accountId: acme.account.id, requesterId: acme.admin.id, snapshotId: acme.snapshots[0].id, method: "CSV" });
    const { runId } = await startRestoreRun({ db: t.db, actor: agent.actor, number: ticket.number, expectedVersion: ticket.version });
    const jobs = await t.db.$queryRaw<{ task_identifier: string; max_attempts: number }[]>`SELECT task_identifier, max_attempts FROM graphile_worker.jobs WHERE key = ${runJobKey(runId)}`;
    expect(jobs).toEqual([{ task_identifier: "execute-run", max_attempts: 1 }]);
    await t.db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'dead-worker', attempts = attempts + 1 WHERE key = ${runJobKey(runId)}`;
    expect(await failAbandonedRuns({ db: t.db })).toEqual([]); // just taken: give it the time of a heartbeat
    expect(await failAbandonedRuns({ db: t.db, now: new Date(Date.now() + 31_000) })).toEqual([runId]);
  });

  it(`a full restore killed (SIGKILL) ${KILLS} times at named points of every phase and table, then at random moments: never a partial restore, never a stuck ticket`, { timeout: 20 * 60_000 }, async () => {
    const now = new Date();
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [2], counts: COUNTS });
    const lead = await createStaff(t.db, { lead: true });
    const storageRoot = mkdtempSync(path.join(tmpdir(), "rd-fault-"));
    const snapshotId = acme.snapshots[0].id;
    const snapshot = await dumpSnapshot(t.db, snapshotId);
    const next = Object.fromEntries(Object.entries(COUNTS).map(([k, v]) => [k, v + 1])) as typeof COUNTS;
    await applyDailyChurn(t.db, acme.account.id, next, [new Date(now.getTime() - 3_600_000), now], "fault");
    const before = await dumpLiveAccount(t.db, acme.account.id);
    const versionsBefore = await versionState(t.db);
    const ticket = await createTicketInState(t.db, { accountId: acme.account.id, requesterId: acme.admin.id, snapshotId });

    // Every fault point of a full restore before its commit, in order: no timing involved.
    const points = [
      "SAFETY_SNAPSHOT:",
      ...ACCOUNT_TABLE_KEYS.map((key) => `SAFETY_SNAPSHOT:${key}`),
      ...ACCOUNT_TABLE_KEYS.map((key) => `REPLACING:${key}`),
      ...ACCOUNT_TABLE_KEYS.map((key) => `VERIFYING:${key}`),
      "VERIFYING:",
      "FINISHING:",
      "BEFORE_COMMIT",
    ];
    const safetyBefore = await t.db.snapshot.count({ where: { kind: "SAFETY" } });
    const toCommit: number[] = [];
    const startRun = async () => {
      const fresh = await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } });
      return (await startRestoreRun({ db: t.db, actor: lead.actor, number: fresh.number, expectedVersion: fresh.version })).runId;
    };
    for (let i = 0; i < KILLS; i++) {
      const killAt = points[i % points.length];
      const runId = await startRun();
      const worker = spawnRun(runId, storageRoot, killAt);
      await worker.ready;
      const readyAt = performance.now();
      await worker.exited;
      if (killAt === "BEFORE_COMMIT") toCommit.push(performance.now() - readyAt);
      expect(worker.reached(), `stopped at ${killAt}`).toBe(true);
      expect(worker.child.signalCode, `kill ${i} at ${killAt}`).toBe("SIGKILL");

      const run = await untilSettled(runId);
      expect(run.status, `kill ${i} at ${killAt}`).toBe("FAILED");
      expect(await dumpLiveAccount(t.db, acme.account.id), `kill ${i} at ${killAt}: data changed by a killed run`).toEqual(before);
      expect((await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("FAILED");
      expect(await t.db.snapshot.count({ where: { kind: "SAFETY" } })).toBe(safetyBefore);
      expect(await versionState(t.db), `kill ${i} at ${killAt}: half-written versions`).toEqual(versionsBefore);
    }
    // Random kills on top, spread over the time a run takes to reach its commit here (only to aim them: no assertion depends on it).
    const window = toCommit.length ? Math.min(...toCommit) : 1000;
    let completed = false;
    for (let i = 0; i < RANDOM_KILLS && !completed; i++) {
      const runId = await startRun();
      const worker = spawnRun(runId, storageRoot);
      await worker.ready;
      await new Promise((r) => setTimeout(r, Math.random() * window));
      worker.child.kill("SIGKILL");
      await worker.exited;
      const run = await untilSettled(runId);
      // Rolled back, or — had it reached its commit — whole.
      expect(await dumpLiveAccount(t.db, acme.account.id), `random kill ${i}: a partial restore`).toEqual(run.status === "SUCCEEDED" ? snapshot : before);
      completed = run.status === "SUCCEEDED";
    }
    if (!completed) {
      // Not stuck: the retry completes — killed just after its commit, it is whole and marked SUCCEEDED.
      const runId = await startRun();
      const lastWorker = spawnRun(runId, storageRoot, "AFTER_COMMIT");
      await lastWorker.exited;
      expect(lastWorker.reached(), "killed after the commit").toBe(true);
      expect((await untilSettled(runId)).status).toBe("SUCCEEDED");
    }
    expect(await dumpLiveAccount(t.db, acme.account.id)).toEqual(snapshot);
    expect(await t.db.restoreRun.count({ where: { status: "RUNNING" } })).toBe(0);
    expect(readdirSync(storageRoot)).toEqual([]);
    console.log(`fault injection: full restore killed ${KILLS} times at ${points.length} named points, ${RANDOM_KILLS} times at random moments (and after the commit) → 0 partial, 0 stuck`);
  });
});
