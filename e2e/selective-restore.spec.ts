import { expect, test } from "@playwright/test";
import { accountTable, columnList, versionsAt, type AccountTableKey } from "../lib/account-data/tables";
import { queryRows } from "./database";
import { approveAndRun, signedInAs } from "./flows";
import { actionIds, callAction } from "./server-actions";

// The journey: Acme loses 20 products and 300 contacts (with their
// activities, comments and history) on one day, keeps working, and gets
// exactly those back with a selective restore — while the new work stays.
// Compared record by record with what they were before the loss. At the end
// the new work is taken out again, so later tests find Acme as the demo has it.
test.describe.configure({ mode: "serial" });

type Row = Record<string, unknown> & { id: string };
let accountId = "";
let backupId = "";
let lostContacts: Row[] = [];
let lostProducts: Row[] = [];
const lostRelated: Record<string, Row[]> = {};
let editedContact = "";
let editedPosition: unknown = null;

const RELATED = { activity: "crm_activity", comment: "crm_comment", history: "crm_history_entry" } as const;
const rowsById = (table: string, ids: string[]) => queryRows<Row>(`SELECT * FROM ${table} WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]);

test.beforeAll(async () => {
  [{ id: accountId }] = await queryRows<{ id: string }>(`SELECT id FROM account WHERE "portalAddress" = 'acme.crm.example'`);
  // The newest backup the request form offers (a snapshot dated ahead by another test is not offered).
  [{ id: backupId }] = await queryRows<{ id: string }>(
    `SELECT id FROM snapshot WHERE "accountId" = $1::uuid AND kind <> 'SAFETY' AND "takenAt" <= now() ORDER BY "takenAt" DESC LIMIT 1`,
    [accountId],
  );
});

const putBack = (table: string, rows: Row[]) =>
  rows.length ? queryRows(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json) ON CONFLICT (id) DO NOTHING`, [JSON.stringify(rows)]) : null;

test.afterAll(async () => {
  // Whatever the restore did not bring back (a failed run) goes back by hand, so later tests find Acme whole.
  await putBack("crm_contact", lostContacts);
  await putBack("crm_product", lostProducts);
  for (const [key, table] of Object.entries(RELATED)) await putBack(table, lostRelated[key] ?? []);
  // The day after's work, taken out again.
  await queryRows(`DELETE FROM crm_contact WHERE "accountId" = $1::uuid AND email = 'nina.nowak@after-the-loss.example'`, [accountId]);
  await queryRows(`DELETE FROM crm_product WHERE "accountId" = $1::uuid AND sku = 'SKU-AFTER-LOSS'`, [accountId]);
  if (editedContact) await queryRows(`UPDATE crm_contact SET position = $2 WHERE id = $1::uuid`, [editedContact, editedPosition]);
});

test("[ACME ADMIN] the backup browser: deleted records since, a record beside its state now, picked records pre-fill a selective restore; members and other accounts are kept out", async ({ browser }) => {
  // Three products deleted: shown as deleted since the backup, restorable one by one.
  const picked = await queryRows<Row>(
    `DELETE FROM crm_product WHERE id IN (SELECT id FROM crm_product WHERE "accountId" = $1::uuid ORDER BY sku LIMIT 3) RETURNING *`,
    [accountId],
  );
  try {
    const admin = await signedInAs(browser, "acmeAdmin");
    await admin.page.goto("/recovery");
    await admin.page.getByRole("link", { name: "Browse backups" }).click();
    await expect(admin.page).toHaveURL(/\/recovery\/backups$/);
    await admin.page.locator(`a[href="/recovery/backups/${backupId}"]`).click();
    await admin.page.getByLabel("Type").selectOption({ label: "Products" });
    await admin.page.getByLabel("Show").selectOption({ label: "Deleted since" });
    await admin.page.getByRole("button", { name: "Search" }).click();
    const hits = admin.page.getByTestId("backup-hits");
    for (const product of picked) await expect(hits.locator("li").filter({ hasText: String(product.sku) })).toContainText("Deleted since");

    // A record beside its state now.
    await hits.getByRole("link", { name: new RegExp(String(picked[0].sku)) }).click();
    await expect(admin.page.getByText("This record was deleted after the backup.")).toBeVisible();
    await expect(admin.page.getByRole("row", { name: /^SKU/ })).toContainText(String(picked[0].sku));
    await admin.page.goBack();

    // A name search finds an unchanged record too.
    await admin.page.getByLabel("Search this backup").fill(String(picked[0].name).slice(0, 6));
    await admin.page.getByLabel("Show").selectOption({ label: "All records" });
    await admin.page.getByRole("button", { name: "Search" }).click();
    await expect(hits.locator("li").first()).toBeVisible();

    // Pick two, restore selected: the form is a selective restore of exactly those, of this backup's date.
    await admin.page.getByLabel("Show").selectOption({ label: "Deleted since" });
    await admin.page.getByLabel("Search this backup").fill("");
    await admin.page.getByRole("button", { name: "Search" }).click();
    for (const product of picked.slice(0, 2)) await hits.getByRole("checkbox", { name: new RegExp(String(product.sku)) }).check();
    await admin.page.getByRole("button", { name: "Restore selected records" }).click();
    await expect(admin.page).toHaveURL(/\/recovery\/new\?backup=/);
    await expect(admin.page.getByRole("radiogroup", { name: "Restore method" }).getByLabel("Selective restore")).toBeChecked();
    await expect(admin.page.getByText("2 records picked in the backup")).toBeVisible();
    const preview = admin.page.getByTestId("change-preview");
    await expect(preview.getByRole("button", { name: "2 brought back" })).toBeVisible();
    await admin.context.close();

    // A member gets the explanation; another account's admin gets not-found for Acme's backup and record.
    const member = await signedInAs(browser, "acmeMember");
    await member.page.goto(`/recovery/backups/${backupId}`);
    await expect(member.page.getByText("Only your account admin can request a restore")).toBeVisible();
    await expect(member.page.getByTestId("backup-hits")).toHaveCount(0);
    await member.context.close();
    const globex = await signedInAs(browser, "globexAdmin");
    expect((await globex.page.goto(`/recovery/backups/${backupId}?status=DELETED`))?.status()).toBe(404);
    expect((await globex.page.goto(`/recovery/backups/${backupId}/product/${picked[0].id}`))?.status()).toBe(404);
    expect((await globex.page.goto(`/recovery/backups/not-an-id`))?.status()).toBe(404);
    // Crafted picks of another account's records pre-fill nothing.
    await globex.page.goto(`/recovery/new?backup=${backupId}&record=product:${picked[0].id}`);
    await expect(globex.page.getByText("records picked in the backup")).toHaveCount(0);
    await globex.context.close();
  } finally {
    await putBack("crm_product", picked);
  }
});

/**
 * Records of a type exactly as they are in the backup (neither added nor
 * changed since): what a restore brings back is the backup's version, so
 * for these "as before the loss" and "as in the backup" are the same.
 */
async function unchangedSinceBackup(key: AccountTableKey, limit: number): Promise<Row[]> {
  const table = accountTable(key);
  return queryRows<Row>(
    `SELECT l.* FROM ${table.table} l JOIN ${table.versionTable} v ON v.id = l.id AND ${versionsAt("v", "$1::uuid", "(SELECT seq FROM snapshot WHERE id = $2::uuid)")}
     WHERE l."accountId" = $1::uuid AND ROW(${columnList(table, "l")}) = ROW(${columnList(table, "v")}) ORDER BY l.id LIMIT ${limit}`,
    [accountId, backupId],
  );
}

/** The backup's version of each of these rows (absent: the row was made after the backup). */
async function backupVersions(key: AccountTableKey, ids: string[]): Promise<Row[]> {
  const table = accountTable(key);
  return queryRows<Row>(
    `SELECT v."accountId", ${columnList(table, "v")} FROM ${table.versionTable} v
     WHERE ${versionsAt("v", "$1::uuid", "(SELECT seq FROM snapshot WHERE id = $2::uuid)")} AND v.id = ANY($3::uuid[]) ORDER BY v.id`,
    [accountId, backupId, ids],
  );
}

test("[ACME ADMIN + SUPPORT] 20 products and 300 contacts lost, a day of work after: a selective restore brings back exactly those, with the contacts' activities, and the new work stays", async ({ browser }) => {
  test.setTimeout(180_000);
  // The loss: 300 contacts with their activities, comments and history, and 20 products — all as they were in the last backup.
  lostContacts = await unchangedSinceBackup("contact", 300);
  const contactIds = lostContacts.map((c) => c.id);
  for (const [key, table] of Object.entries(RELATED)) {
    lostRelated[key] = await queryRows<Row>(`DELETE FROM ${table} WHERE "accountId" = $1::uuid AND "entityType" = 'contact' AND "entityId" = ANY($2::uuid[]) RETURNING *`, [accountId, contactIds]);
  }
  await queryRows(`DELETE FROM crm_contact WHERE id = ANY($1::uuid[])`, [contactIds]);
  lostProducts = await unchangedSinceBackup("product", 20);
  await queryRows(`DELETE FROM crm_product WHERE id = ANY($1::uuid[])`, [lostProducts.map((p) => p.id)]);
  expect(lostContacts).toHaveLength(300);
  expect(lostProducts).toHaveLength(20);
  expect(lostRelated.activity.length).toBeGreaterThan(0);

  // The next day's work: a new contact, an edited one, a new product.
  await queryRows(
    `INSERT INTO crm_contact (id, "accountId", "firstName", "lastName", email, "customFields", "createdAt", "updatedAt")
     VALUES (gen_random_uuid(), $1::uuid, 'Nina', 'Nowak', 'nina.nowak@after-the-loss.example', '{}', now(), now())`,
    [accountId],
  );
  await queryRows(`INSERT INTO crm_product (id, "accountId", name, sku, price, currency, active, "createdAt", "updatedAt") VALUES (gen_random_uuid(), $1::uuid, 'Made after the loss', 'SKU-AFTER-LOSS', 10, 'PLN', true, now(), now())`, [accountId]);
  [{ id: editedContact, position: editedPosition }] = await queryRows<{ id: string; position: unknown }>(
    `SELECT id, position FROM crm_contact WHERE "accountId" = $1::uuid AND NOT (id = ANY($2::uuid[])) ORDER BY id LIMIT 1`,
    [accountId, contactIds],
  );
  await queryRows(`UPDATE crm_contact SET position = 'Head of Sales (edited after the loss)' WHERE id = $1::uuid`, [editedContact]);
  const dealsBefore = await queryRows<{ n: string }>(`SELECT count(*)::text AS n FROM crm_deal WHERE "accountId" = $1::uuid`, [accountId]);

  // The admin chooses what and how, and sees what it would change before filing.
  const admin = await signedInAs(browser, "acmeAdmin");
  await admin.page.goto("/recovery/new");
  await admin.page.getByRole("radiogroup", { name: "Restore method" }).getByLabel("Selective restore").check();
  await admin.page.getByLabel("Contacts", { exact: true }).check();
  await admin.page.getByLabel("Products", { exact: true }).check();
  await expect(admin.page.getByLabel(/Also bring back their activities, comments and history/)).toBeChecked();
  await expect(admin.page.getByRole("radiogroup", { name: "How to restore" }).getByLabel("Bring back deleted records")).toBeChecked();
  const dateSelect = admin.page.getByLabel("Restore to date");
  await dateSelect.selectOption((await dateSelect.locator("option").nth(1).getAttribute("value"))!);
  const preview = admin.page.getByTestId("change-preview");
  await expect(preview).toContainText("Nothing that exists now changes.");
  // At least the lost records (the demo's own churn since the backup may add a few).
  const contactsButton = preview.locator("li").filter({ hasText: /^Contacts/ }).getByRole("button", { name: /brought back/ });
  await expect(contactsButton).toBeVisible();
  expect(Number((await contactsButton.innerText()).match(/\d+/)![0])).toBeGreaterThanOrEqual(300);
  await preview.locator("li").filter({ hasText: /^Products/ }).getByRole("button", { name: /brought back/ }).click();
  await preview.getByTestId("change-list").getByRole("searchbox").fill(String(lostProducts[0].name));
  await expect(preview.getByTestId("change-list")).toContainText(String(lostProducts[0].name));
  await expect(admin.page.getByLabel(/^I understand that changes made to the chosen data/)).toHaveCount(0);
  await admin.page.getByLabel("What was lost?").fill("A sync script deleted 300 contacts and 20 products yesterday; today's work must stay.");
  await admin.page.getByLabel(/^I understand the restore affects all users/).check();
  await admin.page.getByRole("button", { name: "Submit request" }).click();
  await expect(admin.page).toHaveURL(/\/recovery\/RR-\d{6}/);
  const number = admin.page.url().match(/RR-\d{6}/)![0];
  await expect(admin.page.getByTestId("selection-summary")).toContainText("Contacts and Products");
  await expect(admin.page.getByText("What it would change, as seen when filing")).toBeVisible();

  // Support: bringing back needs no lead; approve and run.
  const agent = await signedInAs(browser, "support");
  await agent.page.goto(`/support/tickets/${number}`);
  await expect(agent.page.getByTestId("selection-summary")).toContainText("Contacts and Products");
  await expect(agent.page.getByText("The live data matches what the requester saw when filing.")).toBeVisible();
  await agent.page.getByRole("button", { name: "Start review" }).click();
  await expect(agent.page.getByRole("heading", { level: 1 })).toContainText("In review");
  await approveAndRun(agent.page, number);
  await expect(agent.page.getByText(/The chosen data was restored and checked against the backup/)).toBeVisible();

  // Exactly what was lost is back, as it was; the day after's work stays; nothing else moved.
  // A contact whose company is gone now (not chosen, so not brought back) keeps no dangling link: the ticket names it.
  const companies = new Set(
    (await queryRows<{ id: string }>(`SELECT id FROM crm_company WHERE id = ANY($1::uuid[])`, [lostContacts.map((c) => c.companyId).filter(Boolean)])).map((c) => c.id),
  );
  const expected = lostContacts.map((c) => (c.companyId && !companies.has(String(c.companyId)) ? { ...c, companyId: null } : c));
  const emptied = expected.filter((c, i) => c.companyId !== lostContacts[i].companyId).length;
  expect(await rowsById("crm_contact", contactIds)).toEqual(expected.slice().sort((a, b) => a.id.localeCompare(b.id)));
  expect(await rowsById("crm_product", lostProducts.map((p) => p.id))).toEqual(lostProducts.slice().sort((a, b) => a.id.localeCompare(b.id)));
  // Their activities, comments and history: as in the backup; those made after it were not in it and stay lost.
  for (const [key, table] of Object.entries(RELATED)) {
    const ids = lostRelated[key].map((r) => r.id);
    expect(await rowsById(table, ids), key).toEqual(await backupVersions(key as keyof typeof RELATED, ids));
  }
  expect(await queryRows(`SELECT 1 FROM crm_contact WHERE email = 'nina.nowak@after-the-loss.example'`)).toHaveLength(1);
  expect(await queryRows(`SELECT 1 FROM crm_product WHERE sku = 'SKU-AFTER-LOSS'`)).toHaveLength(1);
  expect(await queryRows<{ position: string }>(`SELECT position FROM crm_contact WHERE id = $1::uuid`, [editedContact])).toEqual([{ position: "Head of Sales (edited after the loss)" }]);
  expect(await queryRows<{ n: string }>(`SELECT count(*)::text AS n FROM crm_deal WHERE "accountId" = $1::uuid`, [accountId])).toEqual(dealsBefore);

  // The requester sees it done, with the same words, and which links were left empty.
  await admin.page.reload();
  await expect(admin.page.getByText("The chosen data is back and was checked against the backup.")).toBeVisible();
  if (emptied > 0) await expect(admin.page.getByTestId("selection-summary")).toContainText(`${emptied} restored record${emptied === 1 ? "" : "s"} pointed to a record that neither came back nor exists now`);
  await admin.context.close();
  await agent.context.close();
});

test("[ACME ADMIN] crafted selections are refused with a message and nothing is filed", async ({ browser }) => {
  const create = actionIds().get("app/(customer)/recovery/new/actions.ts#createRestoreRequestAction")!;
  const admin = await signedInAs(browser, "acmeAdmin");
  const [{ date }] = await queryRows<{ date: string }>(`SELECT to_char("takenAt" AT TIME ZONE 'Europe/Warsaw', 'YYYY-MM-DD') AS date FROM snapshot WHERE id = $1::uuid`, [backupId]);
  const [globexContact] = await queryRows<{ id: string }>(`SELECT c.id FROM crm_contact c JOIN account a ON a.id = c."accountId" WHERE a."portalAddress" = 'globex.crm.example' LIMIT 1`);
  const before = await queryRows(`SELECT count(*)::int AS n FROM restore_ticket`);
  const file = (selection: unknown) =>
    callAction(admin.context.request, create, [
      null,
      { method: "SELECTIVE", restoreDate: date, description: "Crafted selective request, never filed.", ackAllUsers: true, selection: typeof selection === "string" ? selection : JSON.stringify(selection), requestKey: crypto.randomUUID() },
    ]);
  const cases: [unknown, string][] = [
    [{ scope: "TYPES", types: ["invoice"], withRelated: true, mode: "MISSING" }, "Choose data types from the list."],
    [{ scope: "TYPES", types: [], withRelated: true, mode: "MISSING" }, "Choose at least one data type"],
    [{ scope: "TYPES", types: ["contact"], withRelated: true, mode: "WIPE" }, "Choose how to restore"],
    [{ scope: "RECORDS", records: { contact: Array.from({ length: 10_001 }, () => crypto.randomUUID()) }, withRelated: true, mode: "MISSING" }, "Pick at most 10,000 records"],
    [{ scope: "RECORDS", records: { contact: [globexContact.id] }, withRelated: true, mode: "MISSING" }, "Some picked records are not in the backup of this date."],
    ["{not json", "Choose at least one data type"],
  ];
  for (const [selection, message] of cases) {
    const result = await file(selection);
    expect(result.code, JSON.stringify(selection).slice(0, 80)).toBe("VALIDATION");
    expect(result.text).toContain(message);
  }
  expect(await queryRows(`SELECT count(*)::int AS n FROM restore_ticket`)).toEqual(before);
  await admin.context.close();
});
