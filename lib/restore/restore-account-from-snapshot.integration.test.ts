import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockAccountForRestore, lockAccountForWrite } from "@/lib/account-data/account-lock";
import { ACCOUNT_TABLES, versionsAt } from "@/lib/account-data/tables";
import { snapshotRows } from "@/lib/testing/snapshot-rows";
import { executeRun, type RunEnvironment } from "@/lib/restore/execute-run";
import { startRestoreRun, startUndo } from "@/lib/restore/start-run";
import { applyAccident, applyDailyChurn } from "@/lib/seed/account-history";
import { createStaff, createTestAccount, SMALL_COUNTS } from "@/lib/testing/fixtures";
import { useTestDatabase } from "@/lib/testing/test-db";
import { createTicketInState, dumpLiveAccount, dumpSnapshot } from "@/lib/testing/ticket-fixtures";

const t = useTestDatabase();
const env = (): RunEnvironment => ({ db: t.db, databaseUrl: t.url, storageRoot: mkdtempSync(path.join(tmpdir(), "rd-files-")) });
const COUNTS = { ...SMALL_COUNTS, company: 60, contact: 200, deal: 90, lead: 70, activity: 120 };

/** An account whose data moved on since its snapshot of two days ago (churn and an accident). */
async function accountThatLostData() {
  const now = new Date();
  const acme = await createTestAccount(t.db, { snapshotDaysAgo: [2], counts: COUNTS });
  const next = Object.fromEntries(Object.entries(COUNTS).map(([k, v]) => [k, v + 1])) as typeof COUNTS;
  await applyDailyChurn(t.db, acme.account.id, next, [new Date(now.getTime() - 86_400_000), now], "x");
  await applyAccident(t.db, acme.account.id);
  return acme;
}

async function approvedTicket(acme: Awaited<ReturnType<typeof createTestAccount>>, method: "FULL" | "CSV" = "FULL") {
  return createTicketInState(t.db, { accountId: acme.account.id, requesterId: acme.admin.id, snapshotId: acme.snapshots[0].id, method });
}

describe("full restore", () => {
  it("makes every table equal the snapshot, leaves other accounts alone, keeps a safety snapshot, and undo brings the data back", async () => {
    const acme = await accountThatLostData();
    const other = await createTestAccount(t.db, { snapshotDaysAgo: [0] });
    const lead = await createStaff(t.db, { lead: true });
    const ticket = await approvedTicket(acme);

    const before = await dumpLiveAccount(t.db, acme.account.id);
    const otherBefore = await dumpLiveAccount(t.db, other.account.id);
    const snapshot = await dumpSnapshot(t.db, acme.snapshots[0].id);
    expect(before).not.toEqual(snapshot);

    const { runId } = await startRestoreRun({ db: t.db, actor: lead.actor, number: ticket.number, expectedVersion: ticket.version });
    expect((await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("RUNNING");
    await executeRun(env(), runId);

    expect(await dumpLiveAccount(t.db, acme.account.id)).toEqual(snapshot);
    expect(await dumpLiveAccount(t.db, other.account.id)).toEqual(otherBefore);
    const run = await t.db.restoreRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: "SUCCEEDED", runningForAccountId: null, kind: "FULL_RESTORE" });
    expect(await dumpSnapshot(t.db, run.safetySnapshotId!)).toEqual(before);
    const done = await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(done.status).toBe("COMPLETED");
    expect(done.openForAccountId).toBeNull();
    expect(done.events.map((e) => e.kind)).toEqual(["RUN_STARTED", "RUN_PROGRESS", "RUN_PROGRESS", "RUN_PROGRESS", "RUN_COMPLETED"]);
    const figures = run.figures as { deleted: number; inserted: number; tables: Record<string, { rows: number }> };
    expect(figures.inserted).toBeGreaterThan(0);
    expect(figures.tables.contact.rows).toBe(JSON.parse(snapshot.contact).length);

    // Undo: a reason is required; without one nothing starts.
    await expect(startUndo({ db: t.db, actor: lead.actor, number: ticket.number, expectedVersion: done.version, reason: "  " })).rejects.toMatchObject({ message: "REASON_REQUIRED" });
    expect(await t.db.restoreRun.count({ where: { kind: "UNDO" } })).toBe(0);

    // Undo: exactly the data before the restore, and only once; the ticket ends Undone with the reason on its timeline.
    const reason = "The customer found the data they needed elsewhere and wants this week's work back.";
    const { runId: undoId } = await startUndo({ db: t.db, actor: lead.actor, number: ticket.number, expectedVersion: done.version, reason });
    expect((await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("COMPLETED");
    await executeRun(env(), undoId);
    expect(await dumpLiveAccount(t.db, acme.account.id)).toEqual(before);
    expect(await dumpLiveAccount(t.db, other.account.id)).toEqual(otherBefore);
    const afterUndo = await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id }, include: { events: { where: { internal: false }, orderBy: { createdAt: "desc" }, take: 2 } } });
    expect(afterUndo.status).toBe("UNDONE");
    expect(afterUndo.openForAccountId).toBeNull();
    expect(afterUndo.events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.body])).toEqual([
      ["UNDONE", "COMPLETED", "UNDONE", reason],
      ["RUN_STARTED", null, null, reason],
    ]);
    // The requester is told, with the reason quoted.
    const told = await t.db.notification.findFirstOrThrow({ where: { userId: ticket.requesterId, kind: "RESTORE_UNDONE" } });
    expect(told.data).toMatchObject({ quote: { heading: "reasonHeading", text: reason } });
    await expect(startUndo({ db: t.db, actor: lead.actor, number: ticket.number, expectedVersion: afterUndo.version, reason })).rejects.toMatchObject({ message: "ALREADY_UNDONE" });
  });

  it("a corrupt snapshot fails the run with the table named, and changes nothing", async () => {
    const acme = await accountThatLostData();
    const lead = await createStaff(t.db, { lead: true });
    const ticket = await approvedTicket(acme);
    // A contact deleted since the backup (the accident): the restore brings it back, from tampered values.
    const contactTable = ACCOUNT_TABLES.find((x) => x.key === "contact")!;
    const tampered = await t.db.$executeRawUnsafe(
      `UPDATE crm_contact_version v SET "lastName" = v."lastName" || ' (tampered)'
       FROM snapshot sn WHERE sn.id = $1::uuid AND ${versionsAt("v", `sn."accountId"`, "sn.seq")}
         AND v.id = (SELECT s.id FROM ${snapshotRows(contactTable, "$1")} s LEFT JOIN crm_contact l ON l.id = s.id WHERE l.id IS NULL LIMIT 1)`,
      acme.snapshots[0].id,
    );
    expect(tampered).toBe(1);
    const before = await dumpLiveAccount(t.db, acme.account.id);
    const snapshotsBefore = await t.db.snapshot.count();

    const { runId } = await startRestoreRun({ db: t.db, actor: lead.actor, number: ticket.number, expectedVersion: ticket.version });
    await executeRun(env(), runId);

    expect(await dumpLiveAccount(t.db, acme.account.id)).toEqual(before);
    expect(await t.db.snapshot.count()).toBe(snapshotsBefore); // the safety snapshot rolled back too
    const run = await t.db.restoreRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("FAILED");
    expect(run.error).toMatch(/Checksum mismatch in contact/);
    const failed = await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id }, include: { events: { orderBy: { createdAt: "desc" }, take: 1 } } });
    expect(failed.status).toBe("FAILED");
    expect(failed.events[0].data).toMatchObject({ failure: { reason: "CHECKSUM_MISMATCH", table: "contact" } });
    // FAILED may be retried: a new run, a new attempt.
    const retry = await startRestoreRun({ db: t.db, actor: lead.actor, number: ticket.number, expectedVersion: failed.version });
    expect(retry.runId).not.toBe(runId);
    expect((await t.db.restoreRun.findUniqueOrThrow({ where: { id: retry.runId } })).idempotencyKey).toBe(`${ticket.id}:run:2`);
  });

  it("refuses to start where the state machine, the tenant or the backup says no, and changes nothing", async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [1] });
    const globex = await createTestAccount(t.db, { snapshotDaysAgo: [1] });
    const agent = await createStaff(t.db);
    const start = (actor: Parameters<typeof startRestoreRun>[0]["actor"], ticket: { number: number; version: number }) =>
      startRestoreRun({ db: t.db, actor, number: ticket.number, expectedVersion: ticket.version });

    const inReview = await createTicketInState(t.db, { accountId: acme.account.id, requesterId: acme.admin.id, snapshotId: acme.snapshots[0].id, status: "IN_REVIEW" });
    await expect(start(agent.actor, inReview)).rejects.toMatchObject({ code: "INVALID_STATE", message: "NOT_IN_THIS_STATE" });
    await t.db.restoreTicket.update({ where: { id: inReview.id }, data: { status: "CANCELLED", openForAccountId: null, closedAt: new Date() } });
    await expect(start(agent.actor, { ...inReview, version: inReview.version })).rejects.toMatchObject({ message: "NOT_IN_THIS_STATE" });

    const approved = await approvedTicket(acme);
    await expect(start(globex.adminActor, approved)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(start(acme.adminActor, approved)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(start(agent.actor, { number: 999_999_999, version: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // The backup was pruned: the ticket stays approved, no run exists.
    await t.db.restoreTicket.update({ where: { id: approved.id }, data: { snapshotId: null } });
    await expect(start(agent.actor, approved)).rejects.toMatchObject({ message: "SNAPSHOT_GONE" });
    expect((await t.db.restoreTicket.findUniqueOrThrow({ where: { id: approved.id } })).status).toBe("APPROVED");
    expect(await t.db.restoreRun.count({ where: { accountId: acme.account.id } })).toBe(0);
  });

  it("20 simultaneous Run restore calls start exactly one run", async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [1] });
    const agents = await Promise.all([createStaff(t.db), createStaff(t.db)]);
    const ticket = await approvedTicket(acme, "CSV");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => startRestoreRun({ db: t.db, actor: agents[i % 2].actor, number: ticket.number, expectedVersion: ticket.version })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect(await t.db.restoreRun.count({ where: { ticketId: ticket.id } })).toBe(1);
    expect(await t.db.ticketEvent.count({ where: { ticketId: ticket.id, kind: "RUN_STARTED" } })).toBe(1);
  });

  it("one run per account at a time: an undo in progress blocks another ticket's run", async () => {
    const acme = await accountThatLostData();
    const lead = await createStaff(t.db, { lead: true });
    const first = await approvedTicket(acme);
    const { runId } = await startRestoreRun({ db: t.db, actor: lead.actor, number: first.number, expectedVersion: first.version });
    await executeRun(env(), runId);
    const completed = await t.db.restoreTicket.findUniqueOrThrow({ where: { id: first.id } });
    await startUndo({ db: t.db, actor: lead.actor, number: first.number, expectedVersion: completed.version, reason: "Wrong date" }); // left RUNNING
    const second = await approvedTicket(acme);
    await expect(startRestoreRun({ db: t.db, actor: lead.actor, number: second.number, expectedVersion: second.version })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "RESTORE_ALREADY_RUNNING",
    });
    expect((await t.db.restoreTicket.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("APPROVED");
  });

  it("while a restore holds the account, writers are refused at once (the account is read-only)", async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [0] });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const restore = t.db.$transaction(async (tx) => {
      await lockAccountForRestore(tx, acme.account.id);
      locked();
      await held;
    });
    await isLocked;
    await expect(t.db.$transaction((tx) => lockAccountForWrite(tx, acme.account.id))).rejects.toMatchObject({ message: "RESTORE_IN_PROGRESS" });
    release();
    await restore;
    await expect(t.db.$transaction((tx) => lockAccountForWrite(tx, acme.account.id))).resolves.toBeUndefined();
  });
});
