import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/test-db";
import { createTestAccount, requestInput, SMALL_COUNTS } from "@/lib/testing/fixtures";
import { spawnScript } from "@/lib/testing/child-script";
import type { Db } from "@/lib/db/client";
import { takeSnapshot } from "@/lib/snapshots/take-snapshot";
import { raiseLossAlerts } from "@/lib/loss-alerts/raise-loss-alerts";
import { DEFAULT_LOSS_THRESHOLDS } from "@/lib/loss-alerts/loss-rules";
import { remindLossAlerts, LOSS_REMINDER_BEFORE_MS } from "@/lib/loss-alerts/remind-loss-alerts";
import { dismissLossAlert } from "@/lib/loss-alerts/dismiss-loss-alert";
import { saveLossThresholds } from "@/lib/loss-alerts/save-loss-thresholds";
import { createRestoreRequest } from "@/lib/tickets/create-restore-request";
import { listAccountLossAlerts } from "@/lib/loss-alerts/list-account-loss-alerts";

const t = useTestDatabase();
const HOUR = 3_600_000;
// 200 contacts and 40 products: the rules' boundaries fall on whole records.
const COUNTS = { ...SMALL_COUNTS, contact: 200, product: 40 };

async function accountWithBackup() {
  const now = new Date();
  const fixture = await createTestAccount(t.db, { snapshotDaysAgo: [1], counts: COUNTS, now });
  return { ...fixture, now };
}

async function deleteRows(db: Db, table: string, accountId: string, n: number) {
  await db.$executeRawUnsafe(`DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE "accountId" = $1::uuid ORDER BY id LIMIT $2)`, accountId, n);
}

/** An account whose next daily snapshot saw `deleted` of its 200 contacts go, and the alert it raised. */
async function accountWithContactLoss(deleted = 30) {
  const fixture = await accountWithBackup();
  await deleteRows(t.db, "crm_contact", fixture.account.id, deleted);
  await takeSnapshot({ db: t.db, accountId: fixture.account.id, kind: "DAILY" });
  const [alert] = await alertsOf(fixture.account.id);
  return { ...fixture, alert };
}

const alertsOf = (accountId: string) => t.db.lossAlert.findMany({ where: { accountId }, orderBy: [{ tableKey: "asc" }, { kind: "asc" }] });
const notificationsOf = (userId: string) => t.db.notification.findMany({ where: { userId, kind: { in: ["LOSS_DETECTED", "LOSS_REMINDER"] } } });

describe("loss detection after a daily snapshot", () => {
  it("raises an alert exactly at the thresholds and not one record below", async () => {
    const below = await accountWithBackup();
    await deleteRows(t.db, "crm_contact", below.account.id, 19); // 9.5 %, 19 records
    await deleteRows(t.db, "crm_product", below.account.id, 2); // exactly 5 %: not more than 5 %
    await deleteRows(t.db, "crm_task", below.account.id, 8); // every task, but only 8 of them
    await takeSnapshot({ db: t.db, accountId: below.account.id, kind: "DAILY" });
    expect(await alertsOf(below.account.id)).toEqual([]);

    const at = await accountWithBackup();
    await deleteRows(t.db, "crm_contact", at.account.id, 20); // 10 % and 20 records
    await deleteRows(t.db, "crm_product", at.account.id, 3); // 7.5 %
    await deleteRows(t.db, "crm_custom_field", at.account.id, 1); // any custom field
    await takeSnapshot({ db: t.db, accountId: at.account.id, kind: "DAILY" });
    const alerts = await alertsOf(at.account.id);
    expect(alerts.map((a) => [a.tableKey, a.kind, a.count, a.total])).toEqual([
      ["contact", "DELETED", 20, 200],
      ["customField", "DELETED", 1, SMALL_COUNTS.customField],
      ["product", "DELETED", 3, 40],
    ]);
    // The backup from before the loss, and how long it is kept.
    const [backup] = at.snapshots;
    expect(alerts.every((a) => a.beforeSnapshotId === backup.id && a.backupExpiresAt.getTime() === backup.takenAt.getTime() + 7 * 24 * HOUR)).toBe(true);
  });

  it("a mass edit — one field set to one value on many records — is a loss; the same number of scattered edits is not", async () => {
    const scattered = await accountWithBackup();
    await t.db.$executeRawUnsafe(
      `UPDATE crm_contact SET position = 'Role ' || left(id::text, 8) WHERE id IN (SELECT id FROM crm_contact WHERE "accountId" = $1::uuid ORDER BY id LIMIT 60)`,
      scattered.account.id,
    );
    await takeSnapshot({ db: t.db, accountId: scattered.account.id, kind: "DAILY" });
    expect(await alertsOf(scattered.account.id)).toEqual([]);

    const mass = await accountWithBackup();
    await t.db.$executeRawUnsafe(
      `UPDATE crm_contact SET position = 'Former employee' WHERE id IN (SELECT id FROM crm_contact WHERE "accountId" = $1::uuid ORDER BY id LIMIT 20)`,
      mass.account.id,
    );
    // A custom field set to one value counts as a field of its own.
    await t.db.$executeRawUnsafe(
      `UPDATE crm_deal SET "customFields" = coalesce("customFields", '{}'::jsonb) || '{"UF_REGION": "none"}' WHERE "accountId" = $1::uuid`,
      mass.account.id,
    );
    await takeSnapshot({ db: t.db, accountId: mass.account.id, kind: "DAILY" });
    const alerts = await alertsOf(mass.account.id);
    expect(alerts.map((a) => [a.tableKey, a.kind, a.count, a.field, a.value])).toEqual([
      ["contact", "MASS_EDIT", 20, "position", "Former employee"],
      ["deal", "MASS_EDIT", SMALL_COUNTS.deal, "customFields.UF_REGION", "none"],
    ]);
  });

  it("an account's first snapshot and the snapshot after a restore's safety snapshot raise nothing", async () => {
    const fresh = await createTestAccount(t.db, { snapshotDaysAgo: [], counts: COUNTS });
    await deleteRows(t.db, "crm_contact", fresh.account.id, 100);
    await takeSnapshot({ db: t.db, accountId: fresh.account.id, kind: "DAILY" });
    expect(await alertsOf(fresh.account.id)).toEqual([]);

    const restored = await accountWithBackup();
    await takeSnapshot({ db: t.db, accountId: restored.account.id, kind: "SAFETY", takenAt: new Date(restored.now.getTime() - HOUR) });
    await deleteRows(t.db, "crm_contact", restored.account.id, 100); // what a full restore removes
    await takeSnapshot({ db: t.db, accountId: restored.account.id, kind: "DAILY" });
    expect(await alertsOf(restored.account.id)).toEqual([]);
  });

  it("support's thresholds for the account win over the defaults", async () => {
    const strict = await accountWithBackup();
    const staff = await t.db.user.create({ data: { email: `lead-${strict.account.id}@test.example`, name: "Lead", passwordHash: "x", kind: "SUPPORT", isLead: true } });
    await saveLossThresholds({ db: t.db, actor: staff, scope: `account:${strict.account.id}`, thresholds: { ...DEFAULT_LOSS_THRESHOLDS, sharePercent: 30 } });
    await deleteRows(t.db, "crm_contact", strict.account.id, 50); // 25 %: a loss by default, not for this account
    await takeSnapshot({ db: t.db, accountId: strict.account.id, kind: "DAILY" });
    expect(await alertsOf(strict.account.id)).toEqual([]);
  });
});

describe("telling the admin, once", () => {
  it("the admin gets one notification and one email per alert; members get nothing; running the detection again raises nothing new", async () => {
    const f = await accountWithBackup();
    await deleteRows(t.db, "crm_contact", f.account.id, 30);
    const snapshot = await takeSnapshot({ db: t.db, accountId: f.account.id, kind: "DAILY", oncePerDay: true });
    // The same day's job again (a second server, a retry): finds the snapshot, raises nothing.
    await takeSnapshot({ db: t.db, accountId: f.account.id, kind: "DAILY", oncePerDay: true });
    // The detection itself again for the same pair of snapshots.
    const again = await t.db.$transaction((tx) =>
      raiseLossAlerts(tx, {
        accountId: f.account.id,
        snapshot: { id: snapshot.id, takenAt: snapshot.takenAt },
        previous: f.snapshots[0],
        changes: { contact: { before: 200, deleted: 30, topEdit: null } },
        thresholds: DEFAULT_LOSS_THRESHOLDS,
      }),
    );
    expect(again).toBe(0);
    expect(await alertsOf(f.account.id)).toHaveLength(1);
    const notes = await notificationsOf(f.admin.id);
    expect(notes.map((n) => n.kind)).toEqual(["LOSS_DETECTED"]);
    expect(await notificationsOf(f.member.id)).toEqual([]);
    const email = await t.db.emailOutbox.findUniqueOrThrow({ where: { notificationId: notes[0].id } });
    expect(email.textBody).toContain("30 contacts (15%) were deleted between");
    expect(email.textBody).toContain("/recovery/new?lossAlert=");
    // Counts, never the records.
    const names = await t.db.$queryRawUnsafe<{ n: string }[]>(`SELECT "lastName" AS n FROM crm_contact_version WHERE "accountId" = $1::uuid AND "validTo" IS NOT NULL LIMIT 5`, f.account.id);
    for (const { n } of names) expect(email.textBody).not.toContain(n);
  });

  it("a snapshot killed after writing its alerts leaves none; the retry raises them once", async () => {
    const f = await accountWithBackup();
    await deleteRows(t.db, "crm_contact", f.account.id, 40);
    const child = spawnScript("lib/testing/take-snapshot-child.ts", [t.url, f.account.id, "loss-alerts"]);
    await child.exited;
    expect(child.child.signalCode).toBe("SIGKILL");
    expect(await alertsOf(f.account.id)).toEqual([]);
    expect(await notificationsOf(f.admin.id)).toEqual([]);
    await takeSnapshot({ db: t.db, accountId: f.account.id, kind: "DAILY" });
    expect((await alertsOf(f.account.id)).map((a) => a.count)).toEqual([40]);
    expect(await notificationsOf(f.admin.id)).toHaveLength(1);
  });

  it("one reminder 48 hours before the backup expires, unless dismissed or followed by a request", async () => {
    const reminded = await accountWithContactLoss();
    const dismissed = await accountWithContactLoss();
    const filed = await accountWithContactLoss();
    await dismissLossAlert({ db: t.db, actor: dismissed.adminActor, id: dismissed.alert.id });
    await createRestoreRequest({ db: t.db, actor: filed.adminActor, input: { ...requestInput(), lossAlertId: filed.alert.id } });

    // (Other tests' alerts share this database and come due at the same moment: each account is looked at by its notifications.)
    const reminders = async () => (await notificationsOf(reminded.admin.id)).filter((n) => n.kind === "LOSS_REMINDER").length;
    const { alert } = reminded;
    await remindLossAlerts({ db: t.db, now: new Date(alert.backupExpiresAt.getTime() - LOSS_REMINDER_BEFORE_MS - 1000) });
    expect(await reminders()).toBe(0);
    const due = new Date(alert.backupExpiresAt.getTime() - LOSS_REMINDER_BEFORE_MS + 1000);
    expect(await remindLossAlerts({ db: t.db, now: due })).toBeGreaterThanOrEqual(1);
    expect(await reminders()).toBe(1);
    expect(await remindLossAlerts({ db: t.db, now: new Date(due.getTime() + HOUR) })).toBe(0);
    expect(await reminders()).toBe(1);
    expect((await notificationsOf(reminded.admin.id)).map((n) => n.kind).sort()).toEqual(["LOSS_DETECTED", "LOSS_REMINDER"]);
    expect((await notificationsOf(dismissed.admin.id)).map((n) => n.kind)).toEqual(["LOSS_DETECTED"]);
    expect((await notificationsOf(filed.admin.id)).map((n) => n.kind)).toEqual(["LOSS_DETECTED"]);
  });
});

describe("answers to an alert", () => {
  it("dismissing records who and when; another account's admin gets not-found and changes nothing", async () => {
    const own = await accountWithContactLoss();
    const other = await accountWithBackup();
    const { alert } = own;
    await expect(dismissLossAlert({ db: t.db, actor: other.adminActor, id: alert.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await t.db.lossAlert.findUniqueOrThrow({ where: { id: alert.id } })).dismissedAt).toBeNull();
    expect(await listAccountLossAlerts({ db: t.db, accountId: own.account.id, locale: "en" })).toHaveLength(1);

    const at = new Date();
    await dismissLossAlert({ db: t.db, actor: own.adminActor, id: alert.id, now: at });
    const after = await t.db.lossAlert.findUniqueOrThrow({ where: { id: alert.id } });
    expect([after.dismissedAt?.getTime(), after.dismissedById]).toEqual([at.getTime(), own.admin.id]);
    expect(await listAccountLossAlerts({ db: t.db, accountId: own.account.id, locale: "en" })).toEqual([]);
  });

  it("a request filed from an alert links to it; another account's alert id is refused and files nothing", async () => {
    const own = await accountWithContactLoss();
    const other = await accountWithBackup();
    const { alert } = own;

    await expect(createRestoreRequest({ db: t.db, actor: other.adminActor, input: { ...requestInput(), lossAlertId: alert.id } })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await t.db.restoreTicket.count({ where: { accountId: other.account.id } })).toBe(0);

    const { number } = await createRestoreRequest({ db: t.db, actor: own.adminActor, input: { ...requestInput(), lossAlertId: alert.id } });
    const ticket = await t.db.restoreTicket.findUniqueOrThrow({ where: { number } });
    expect(ticket.lossAlertId).toBe(alert.id);
    // Followed by a request: the banner no longer asks.
    expect(await listAccountLossAlerts({ db: t.db, accountId: own.account.id, locale: "en" })).toEqual([]);
  });
});
