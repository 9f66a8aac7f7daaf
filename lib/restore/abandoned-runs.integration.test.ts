import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { failAbandonedRuns } from "@/lib/restore/abandoned-runs";
import { executeRun } from "@/lib/restore/execute-run";
import { holdRunLockForTransaction } from "@/lib/restore/run-lock";
import { startRestoreRun } from "@/lib/restore/start-run";
import { applyDailyChurn } from "@/lib/seed/account-history";
import { createStaff, createTestAccount } from "@/lib/testing/fixtures";
import { spawnScript } from "@/lib/testing/child-script";
import { useTestDatabase } from "@/lib/testing/test-db";
import { createTicketInState, dumpLiveAccount, dumpSnapshot } from "@/lib/testing/ticket-fixtures";

const t = useTestDatabase();
const KILLS = Number(process.env.FAULT_KILLS ?? 50);
const COUNTS = { company: 800, contact: 3000, deal: 1500, lead: 1200, activity: 2500, comment: 1500, history: 2500, task: 400, product: 150, customField: 7 };

const spawnRun = (runId: string, storageRoot: string) => spawnScript("lib/testing/execute-run-child.ts", [t.url, runId, storageRoot]);

/** The sweep, until the run has an outcome: the killed backend may still be finishing its statement, and its lock goes with it. */
function untilSettled(runId: string) {
  return vi.waitFor(
    async () => {
      await failAbandonedRuns({ db: t.db, staleAfterMs: 0 });
      const run = await t.db.restoreRun.findUniqueOrThrow({ where: { id: runId } });
      if (run.status === "RUNNING") throw new Error(`run ${runId} still RUNNING`);
      return run;
    },
    { timeout: 60_000, interval: 50 },
  );
}

describe("runs whose worker died", () => {
  it("are marked failed only when their lock is free and their heartbeat stale", async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [1] });
    const agent = await createStaff(t.db);
    const ticket = await createTicketInState(t.db, { accountId: acme.account.id, requesterId: acme.admin.id, snapshotId: acme.snapshots[0].id, method: "CSV" });
    const { runId } = await startRestoreRun({ db: t.db, actor: agent.actor, number: ticket.number, expectedVersion: ticket.version });

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

  it(`a full restore killed (SIGKILL) at random moments ${KILLS} times: never a partial restore, never a stuck ticket`, { timeout: 20 * 60_000 }, async () => {
    const now = new Date();
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [2], counts: COUNTS });
    const lead = await createStaff(t.db, { lead: true });
    const storageRoot = mkdtempSync(path.join(tmpdir(), "rd-fault-"));
    const snapshotId = acme.snapshots[0].id;
    const snapshot = await dumpSnapshot(t.db, snapshotId);
    const next = Object.fromEntries(Object.entries(COUNTS).map(([k, v]) => [k, v + 1])) as typeof COUNTS;
    let churns = 0;
    const churn = () => applyDailyChurn(t.db, acme.account.id, next, [new Date(now.getTime() - 3_600_000), now], `fault-${churns++}`);

    await churn();
    let before = await dumpLiveAccount(t.db, acme.account.id);
    let ticket = await createTicketInState(t.db, { accountId: acme.account.id, requesterId: acme.admin.id, snapshotId });

    // How long one run takes here, to spread the kills over its whole length.
    const timing = await startRestoreRun({ db: t.db, actor: lead.actor, number: ticket.number, expectedVersion: ticket.version });
    const probe = spawnRun(timing.runId, storageRoot);
    await probe.ready;
    const readyAt = performance.now();
    await probe.exited;
    const runMs = performance.now() - readyAt;
    expect((await t.db.restoreRun.findUniqueOrThrow({ where: { id: timing.runId } })).status).toBe("SUCCEEDED");
    expect(await dumpLiveAccount(t.db, acme.account.id)).toEqual(snapshot);

    const outcomes = { rolledBack: 0, completed: 0 };
    for (let i = 0; i < KILLS; i++) {
      const current = await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } });
      if (current.status === "COMPLETED") {
        await churn();
        before = await dumpLiveAccount(t.db, acme.account.id);
        ticket = await createTicketInState(t.db, { accountId: acme.account.id, requesterId: acme.admin.id, snapshotId });
      }
      const fresh = await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } });
      const { runId } = await startRestoreRun({ db: t.db, actor: lead.actor, number: fresh.number, expectedVersion: fresh.version });
      const safetyBefore = await t.db.snapshot.count({ where: { kind: "SAFETY" } });
      const worker = spawnRun(runId, storageRoot);
      await worker.ready;
      await new Promise((r) => setTimeout(r, Math.random() * runMs * 1.2));
      worker.child.kill("SIGKILL");
      await worker.exited;

      const run = await untilSettled(runId);
      const after = await dumpLiveAccount(t.db, acme.account.id);
      const ticketAfter = await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } });
      if (run.status === "SUCCEEDED") {
        outcomes.completed++;
        expect(after).toEqual(snapshot);
        expect(ticketAfter.status).toBe("COMPLETED");
      } else {
        outcomes.rolledBack++;
        expect(after, `kill ${i}: data changed by a failed run`).toEqual(before);
        expect(ticketAfter.status).toBe("FAILED");
        expect(await t.db.snapshot.count({ where: { kind: "SAFETY" } })).toBe(safetyBefore);
      }
    }
    expect(await t.db.restoreRun.count({ where: { status: "RUNNING" } })).toBe(0);
    expect(readdirSync(storageRoot)).toEqual([]);
    console.log(`fault injection: ${KILLS} kills over a ${Math.round(runMs)} ms run → ${outcomes.rolledBack} rolled back, ${outcomes.completed} completed before the kill, 0 partial`);
    // The kills must land inside runs, not only before or after them.
    expect(outcomes.rolledBack).toBeGreaterThan(KILLS / 4);
  });
});
