import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { accountTable, columnList, type AccountTableKey } from "@/lib/account-data/tables";
import { runFaults } from "@/lib/testing/run-faults";
import { snapshotRows } from "@/lib/testing/snapshot-rows";
import { versionState } from "@/lib/testing/version-state";
import { computeRestorePreview } from "@/lib/preview/restore-preview";
import { executeRun, type RunEnvironment } from "@/lib/restore/execute-run";
import { startRestoreRun, startUndo } from "@/lib/restore/start-run";
import { listChangeRecords } from "@/lib/selective-restore/list-change-records";
import type { Selection } from "@/lib/selective-restore/selection";
import { createStaff, createTestAccount, isoDateDaysAgo, requestInput, SMALL_COUNTS } from "@/lib/testing/fixtures";
import { useTestDatabase } from "@/lib/testing/test-db";
import { createTicketInState, dumpLiveAccount } from "@/lib/testing/ticket-fixtures";
import { createRestoreRequest } from "@/lib/tickets/create-restore-request";
import { ZCreateRestoreRequestInput } from "@/lib/tickets/create-restore-request.schema";

const t = useTestDatabase();
const { spawnRun, untilSettled } = runFaults(t);
const cols = (key: AccountTableKey) => columnList(accountTable(key));
const env = (): RunEnvironment => ({ db: t.db, databaseUrl: t.url, storageRoot: mkdtempSync(path.join(tmpdir(), "rd-files-")) });
const COUNTS = { ...SMALL_COUNTS, company: 30, contact: 120, deal: 40, activity: 200, comment: 80, history: 80, product: 40 };

type Row = Record<string, unknown> & { id: string };
const rows = (db: Db, table: string, accountId: string) =>
  db.$queryRawUnsafe<Row[]>(`SELECT * FROM ${table} WHERE "accountId" = $1::uuid ORDER BY id`, accountId).then((r) => r.map((x) => JSON.parse(JSON.stringify(x)) as Row));
const ids = (list: Row[]) => list.map((r) => r.id).sort();

/**
 * Yesterday's backup, then a loss (20 products, a quarter of the contacts
 * with their activities, comments and history, and a deal), then a day of
 * work that must survive: a contact added, one edited, a product added.
 */
async function accountAfterLossAndWork() {
  const acme = await createTestAccount(t.db, { snapshotDaysAgo: [1], counts: COUNTS });
  const a = acme.account.id;
  const before = { contact: await rows(t.db, "crm_contact", a), product: await rows(t.db, "crm_product", a), activity: await rows(t.db, "crm_activity", a), deal: await rows(t.db, "crm_deal", a) };
  const lostContacts = before.contact.slice(0, 30).map((c) => c.id);
  const lostProducts = before.product.slice(0, 20).map((p) => p.id);
  await t.db.$executeRawUnsafe(`DELETE FROM crm_contact WHERE id = ANY($1::uuid[])`, lostContacts);
  for (const related of ["crm_activity", "crm_comment", "crm_history_entry"]) {
    await t.db.$executeRawUnsafe(`DELETE FROM ${related} WHERE "entityType" = 'contact' AND "entityId" = ANY($1::uuid[])`, lostContacts);
  }
  await t.db.$executeRawUnsafe(`DELETE FROM crm_product WHERE id = ANY($1::uuid[])`, lostProducts);
  await t.db.$executeRawUnsafe(`DELETE FROM crm_deal WHERE id = $1::uuid`, before.deal[0].id);
  // The next day's work.
  const edited = before.contact[50].id;
  await t.db.$executeRawUnsafe(`UPDATE crm_contact SET position = 'Head of Sales (new)', "updatedAt" = now() WHERE id = $1::uuid`, edited);
  await t.db.$executeRawUnsafe(
    `INSERT INTO crm_contact (id, "accountId", "firstName", "lastName", email, "customFields", "createdAt", "updatedAt") VALUES (gen_random_uuid(), $1::uuid, 'Nina', 'Nowak', 'nina@new.example', '{}', now(), now())`,
    a,
  );
  await t.db.$executeRawUnsafe(`INSERT INTO crm_product (id, "accountId", name, sku, price, currency, active, "createdAt", "updatedAt") VALUES (gen_random_uuid(), $1::uuid, 'New thing', 'SKU-NEW', 10, 'PLN', true, now(), now())`, a);
  return { acme, before, lostContacts, lostProducts, edited };
}

async function runSelective(acme: Awaited<ReturnType<typeof createTestAccount>>, selection: Selection) {
  const lead = await createStaff(t.db, { lead: true });
  const ticket = await createTicketInState(t.db, { accountId: acme.account.id, requesterId: acme.admin.id, snapshotId: acme.snapshots[0].id, method: "SELECTIVE" });
  await t.db.restoreTicket.update({ where: { id: ticket.id }, data: { selection } });
  const { runId } = await startRestoreRun({ db: t.db, actor: lead.actor, number: ticket.number, expectedVersion: ticket.version });
  await executeRun(env(), runId);
  return { lead, ticket, run: await t.db.restoreRun.findUniqueOrThrow({ where: { id: runId } }) };
}

describe("selective restore", () => {
  it("brings back exactly the lost products and contacts with their activities, and keeps the next day's work; undo takes them away again", async () => {
    const { acme, before, lostContacts, lostProducts, edited } = await accountAfterLossAndWork();
    const a = acme.account.id;
    const other = await createTestAccount(t.db, { snapshotDaysAgo: [0] });
    const otherBefore = await dumpLiveAccount(t.db, other.account.id);
    const selection: Selection = { scope: "TYPES", types: ["contact", "product"], withRelated: true, mode: "MISSING" };

    const preview = await computeRestorePreview({ db: t.db, accountId: a, snapshotId: acme.snapshots[0].id, selection });
    expect(preview.figures.contact).toMatchObject({ bringBack: 30, delete: 0, revert: 0 });
    expect(preview.figures.product).toMatchObject({ bringBack: 20, delete: 0, revert: 0 });
    expect(preview.figures.deal).toMatchObject({ bringBack: 0, delete: 0, revert: 0 });
    const page = await listChangeRecords({ db: t.db, accountId: a, snapshotId: acme.snapshots[0].id, selection, table: "product", bucket: "bringBack", query: "", page: 1 });
    expect(page.total).toBe(20);
    expect(page.records.map((r) => r.id).sort()).toEqual(lostProducts.slice().sort());
    const activityBefore = await rows(t.db, "crm_activity", a);

    const { run, ticket, lead } = await runSelective(acme, selection);
    expect(run).toMatchObject({ status: "SUCCEEDED", kind: "SELECTIVE_RESTORE", runningForAccountId: null });
    const figures = run.figures as { tables: Record<string, { broughtBack: number; reverted: number; removed: number }> };
    expect(figures.tables.contact).toEqual({ broughtBack: 30, reverted: 0, removed: 0 });
    expect(figures.tables.product).toEqual({ broughtBack: 20, reverted: 0, removed: 0 });

    // Every lost record is back exactly as it was; the next day's work is still there.
    const contacts = await rows(t.db, "crm_contact", a);
    for (const id of lostContacts) expect(contacts.find((c) => c.id === id)).toEqual(before.contact.find((c) => c.id === id));
    expect(contacts.find((c) => c.id === edited)?.position).toBe("Head of Sales (new)");
    expect(contacts.some((c) => c.email === "nina@new.example")).toBe(true);
    expect(contacts).toHaveLength(before.contact.length + 1);
    const products = await rows(t.db, "crm_product", a);
    expect(ids(products.filter((p) => p.sku !== "SKU-NEW"))).toEqual(ids(before.product));
    expect(products.some((p) => p.sku === "SKU-NEW")).toBe(true);
    // The contacts' activities came back with them; nothing else changed (the deleted deal stays deleted).
    const activities = await rows(t.db, "crm_activity", a);
    expect(ids(activities)).toEqual(ids(before.activity));
    expect(activities.length).toBeGreaterThan(activityBefore.length);
    expect((await rows(t.db, "crm_deal", a)).length).toBe(before.deal.length - 1);
    expect(await dumpLiveAccount(t.db, other.account.id)).toEqual(otherBefore);

    // Undo: the chosen data as it was before the restore.
    const done = await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(done.status).toBe("COMPLETED");
    const { runId: undoId } = await startUndo({ db: t.db, actor: lead.actor, number: ticket.number, expectedVersion: done.version, reason: "The customer restored them from elsewhere." });
    await executeRun(env(), undoId);
    expect((await t.db.restoreRun.findUniqueOrThrow({ where: { id: undoId } })).status).toBe("SUCCEEDED");
    expect(ids(await rows(t.db, "crm_product", a))).toHaveLength(before.product.length - 20 + 1);
    expect(ids(await rows(t.db, "crm_activity", a))).toEqual(ids(activityBefore));
    expect((await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("UNDONE");
  });

  it("reverts changed and removes added records only in 'exactly as in the backup', and only in the chosen types", async () => {
    const { acme, before, edited } = await accountAfterLossAndWork();
    const a = acme.account.id;
    const selection: Selection = { scope: "TYPES", types: ["contact"], withRelated: false, mode: "MISSING_AND_CHANGED" };
    const preview = await computeRestorePreview({ db: t.db, accountId: a, snapshotId: acme.snapshots[0].id, selection });
    expect(preview.figures.contact).toMatchObject({ bringBack: 30, revert: 1, delete: 0 });
    const changed = await listChangeRecords({ db: t.db, accountId: a, snapshotId: acme.snapshots[0].id, selection, table: "contact", bucket: "revert", query: "", page: 1 });
    expect(changed.records[0].changes).toEqual([{ field: "position", backup: before.contact[50].position, now: "Head of Sales (new)" }]);

    const { run } = await runSelective(acme, selection);
    expect(run.status).toBe("SUCCEEDED");
    const contacts = await rows(t.db, "crm_contact", a);
    expect(contacts.find((c) => c.id === edited)).toEqual(before.contact.find((c) => c.id === edited));
    expect(contacts.some((c) => c.email === "nina@new.example")).toBe(true); // not removed: not this mode
    expect((await rows(t.db, "crm_product", a)).length).toBe(before.product.length - 20 + 1); // not chosen

    const exact: Selection = { scope: "TYPES", types: ["product"], withRelated: false, mode: "EXACT" };
    const exactPreview = await computeRestorePreview({ db: t.db, accountId: a, snapshotId: acme.snapshots[0].id, selection: exact });
    expect(exactPreview.figures.product).toMatchObject({ bringBack: 20, delete: 1 });
  });

  it("killed (SIGKILL) at every named point of its run, a selective restore that reverts and removes never leaves anything partial; the retry completes", { timeout: 10 * 60_000 }, async () => {
    const { acme } = await accountAfterLossAndWork();
    const a = acme.account.id;
    const lead = await createStaff(t.db, { lead: true });
    const selection: Selection = { scope: "TYPES", types: ["contact", "product"], withRelated: true, mode: "EXACT" };
    const ticket = await createTicketInState(t.db, { accountId: a, requesterId: acme.admin.id, snapshotId: acme.snapshots[0].id, method: "SELECTIVE" });
    await t.db.restoreTicket.update({ where: { id: ticket.id }, data: { selection } });
    const before = await dumpLiveAccount(t.db, a);
    const versionsBefore = await versionState(t.db);
    const storageRoot = mkdtempSync(path.join(tmpdir(), "rd-fault-"));
    const scoped = ["contact", "activity", "comment", "history", "product"];
    // Every point at which the run reports progress, in order: no timing involved.
    const points = ["SAFETY_SNAPSHOT:", ...scoped.map((key) => `REPLACING:${key}`), ...scoped.map((key) => `VERIFYING:${key}`), "VERIFYING:", "FINISHING:", "BEFORE_COMMIT"];
    for (const killAt of points) {
      const fresh = await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } });
      const { runId } = await startRestoreRun({ db: t.db, actor: lead.actor, number: fresh.number, expectedVersion: fresh.version });
      const worker = spawnRun(runId, storageRoot, killAt);
      await worker.exited;
      expect(worker.reached(), `stopped at ${killAt}`).toBe(true);
      expect(worker.child.signalCode, killAt).toBe("SIGKILL");
      expect((await untilSettled(runId)).status, killAt).toBe("FAILED");
      expect(await dumpLiveAccount(t.db, a), `${killAt}: data changed by a killed run`).toEqual(before);
      expect(await versionState(t.db), `${killAt}: half-written versions`).toEqual(versionsBefore);
    }
    const last = await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    const { runId } = await startRestoreRun({ db: t.db, actor: lead.actor, number: last.number, expectedVersion: last.version });
    await spawnRun(runId, storageRoot).exited;
    expect((await t.db.restoreRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("SUCCEEDED");
    // Exactly as in the backup, for the chosen data: products and contacts equal the backup's.
    for (const [table, key] of [["crm_product", "product"], ["crm_contact", "contact"]] as const) {
      const backup = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM ((SELECT ${cols(key)} FROM ${table} WHERE "accountId" = $1::uuid EXCEPT SELECT ${cols(key)} FROM ${snapshotRows(accountTable(key), "$2")} x)
           UNION ALL (SELECT ${cols(key)} FROM ${snapshotRows(accountTable(key), "$2")} x EXCEPT SELECT ${cols(key)} FROM ${table} WHERE "accountId" = $1::uuid)) d`,
        a,
        acme.snapshots[0].id,
      );
      expect(Number(backup[0].n), table).toBe(0);
    }
  });

  it("restores picked records, empties a link to a record that is gone and says which, and refuses records not in the backup before changing anything", async () => {
    const { acme, before, lostContacts } = await accountAfterLossAndWork();
    const a = acme.account.id;
    // A deal whose company is gone (deleted, not picked): its link is emptied.
    const deal = before.deal[0];
    const companyId = deal.companyId as string;
    await t.db.$executeRawUnsafe(`DELETE FROM crm_company WHERE id = $1::uuid`, companyId);
    await t.db.$executeRawUnsafe(`UPDATE crm_deal SET "companyId" = NULL WHERE "companyId" = $1::uuid`, companyId);
    const { run } = await runSelective(acme, { scope: "RECORDS", records: { deal: [deal.id] }, withRelated: true, mode: "MISSING" });
    expect(run.status).toBe("SUCCEEDED");
    const restored = (await rows(t.db, "crm_deal", a)).find((d) => d.id === deal.id);
    // Its contact may be one of the lost ones (not picked either): then that link is emptied too.
    const contactGone = lostContacts.includes(deal.contactId as string);
    expect(restored).toEqual({ ...deal, companyId: null, ...(contactGone ? { contactId: null } : {}) });
    expect((run.figures as { emptiedLinks: unknown[] }).emptiedLinks).toEqual([
      { table: "deal", id: deal.id, field: "companyId" },
      ...(contactGone ? [{ table: "deal", id: deal.id, field: "contactId" }] : []),
    ]);

    // A picked id that is not in the backup: the run fails, saying which, and nothing changed.
    const stateBefore = await dumpLiveAccount(t.db, a);
    const madeUp = "00000000-0000-4000-8000-000000000001";
    const failed = await runSelective(acme, { scope: "RECORDS", records: { contact: [before.contact[0].id, madeUp] }, withRelated: true, mode: "MISSING" });
    expect(failed.run.status).toBe("FAILED");
    expect(failed.run.figures).toMatchObject({ failure: { reason: "PICKED_RECORDS_GONE", table: "contact" } });
    expect(failed.run.error).toContain(madeUp);
    expect(await dumpLiveAccount(t.db, a)).toEqual(stateBefore);
  });

  it("files a selective request with its selection and the preview the requester saw; crafted selections are refused and nothing is filed", async () => {
    const { acme, lostProducts } = await accountAfterLossAndWork();
    const other = await createTestAccount(t.db, { snapshotDaysAgo: [1] });
    const otherContact = (await rows(t.db, "crm_contact", other.account.id))[0].id;
    const base = { ...requestInput({ restoreDate: isoDateDaysAgo(1) }), method: "SELECTIVE", ackDataLoss: false };
    const parse = (selection: unknown) => ZCreateRestoreRequestInput.safeParse({ ...base, requestKey: crypto.randomUUID(), selection: JSON.stringify(selection) });

    for (const [selection, message] of [
      [{ scope: "TYPES", types: ["contact", "invoice"], withRelated: true, mode: "MISSING" }, "selectionTypeUnknown"],
      [{ scope: "TYPES", types: [], withRelated: true, mode: "MISSING" }, "selectionEmpty"],
      [{ scope: "TYPES", types: ["contact"], withRelated: true, mode: "EVERYTHING" }, "selectionModeInvalid"],
      [{ scope: "RECORDS", records: { contact: Array.from({ length: 10_001 }, () => crypto.randomUUID()) }, withRelated: true, mode: "MISSING" }, "selectionTooManyRecords"],
      [{ scope: "RECORDS", records: { contact: ["not-an-id"] }, withRelated: true, mode: "MISSING" }, "selectionRecordInvalid"],
    ] as const) {
      const parsed = parse(selection);
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((i) => i.message)).toContain(message);
    }
    expect(ZCreateRestoreRequestInput.safeParse({ ...base, requestKey: crypto.randomUUID(), selection: "{not json" }).success).toBe(false);
    expect(ZCreateRestoreRequestInput.safeParse({ ...base, requestKey: crypto.randomUUID() }).success).toBe(false);
    // Reverting needs the data-loss acknowledgement; bringing back does not.
    expect(parse({ scope: "TYPES", types: ["contact"], withRelated: true, mode: "EXACT" }).error?.issues.map((i) => i.message)).toEqual(["ackDataLossRequired"]);

    // Another account's record id → refused, nothing filed.
    const crafted = parse({ scope: "RECORDS", records: { contact: [otherContact] }, withRelated: true, mode: "MISSING" });
    await expect(createRestoreRequest({ db: t.db, actor: acme.adminActor, input: crafted.data! })).rejects.toMatchObject({ key: "selectionRecordsNotInBackup" });
    expect(await t.db.restoreTicket.count({ where: { accountId: acme.account.id } })).toBe(0);

    const ok = parse({ scope: "TYPES", types: ["product"], withRelated: true, mode: "MISSING" });
    const { number } = await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: ok.data! });
    const ticket = await t.db.restoreTicket.findFirstOrThrow({ where: { number } });
    expect(ticket).toMatchObject({ method: "SELECTIVE", selection: { scope: "TYPES", types: ["product"], mode: "MISSING" } });
    expect(ticket.requestPreview).toMatchObject({ snapshotId: acme.snapshots[0].id, figures: { product: { bringBack: lostProducts.length, delete: 0, revert: 0 } } });
  });
});
