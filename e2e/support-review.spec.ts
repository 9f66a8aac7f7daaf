import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { contactsExist, deleteContactsOfLatestAcmeFile, holdAccountLock } from "./database";
import { approveAndRun, cancelIfOpen, fileRequest, signedInAs } from "./flows";

// One story across the people of a restore: filing, review with a note and a
// question, the answer, four-eyes approval, the run watched live, the outcome,
// then a CSV restore downloaded and opened. Runs serially, sharing the ticket.
test.describe.configure({ mode: "serial" });

let number = "";

test.afterAll(({ browser }) => cancelIfOpen(browser, number));

test("[ACME ADMIN] files a full restore request", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "acmeAdmin");
  number = await fileRequest(page, { method: "Full restore", description: "Acme lost 30 products and two custom fields on Tuesday (sync script).", dateOption: 3 });
  await context.close();
});

test("[SUPPORT] finds it by search, assigns it, notes internally and asks for information", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "support");
  await page.goto("/support/tickets");
  await expect(page.getByRole("columnheader", { name: /Ticket/ })).toBeVisible();
  for (const name of ["Account", "Method", "Restore date", "Status"]) await expect(page.getByRole("columnheader", { name: new RegExp(name) })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search tickets" }).fill("Tuesday (sync script)");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=Tuesday/);
  await expect(page.getByRole("row")).toHaveCount(2); // header + the one match
  await page.getByRole("link", { name: number }).click();

  await expect(page.getByRole("table", { name: "Restore preview" })).toBeVisible();
  await page.getByRole("button", { name: "Assign to me" }).click();
  await expect(page.getByText("assigned to Sara Support")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("In review");

  await page.getByLabel("Internal note").check();
  await page.getByLabel("Internal note (staff only)").fill("Checked the account: products table was emptied at 14:02.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("products table was emptied at 14:02");

  await page.getByRole("button", { name: "Ask for information" }).click();
  await page.getByRole("dialog").getByLabel("Question").fill("Do you also need the deals changed since Tuesday to be kept?");
  await page.getByRole("dialog").getByRole("button", { name: "Send question" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Needs information");
  // An agent is not a lead: approving a full restore is not offered.
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await context.close();
});

test("[ACME ADMIN] sees the question but never the internal note, and answers", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "acmeAdmin");
  await page.goto(`/recovery/${number}`);
  await expect(page.getByText("Support needs more information")).toBeVisible();
  await expect(page.getByText("Do you also need the deals changed since Tuesday to be kept?")).toBeVisible();
  await expect(page.getByText("products table was emptied")).toHaveCount(0);
  await page.getByLabel("Your answer").fill("No, the deals can go back too.");
  await page.getByRole("button", { name: "Send answer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("In review");
  const response = await page.goto(`/support/tickets/${number}`);
  expect(response?.status()).toBe(404);
  await context.close();
});

test("[SUPPORT] asks a lead to approve; [LEAD] approves the full restore", async ({ browser }) => {
  const agent = await signedInAs(browser, "support");
  await agent.page.goto(`/support/tickets/${number}`);
  await agent.page.getByRole("button", { name: "Ask a lead to approve" }).click();
  await agent.page.getByRole("dialog").getByRole("button", { name: "Ask for approval" }).click();
  await expect(agent.page.getByText("Sara Support asked a lead to approve this full restore")).toBeVisible();
  await agent.context.close();

  const lead = await signedInAs(browser, "lead");
  await lead.page.goto(`/support/tickets/${number}`);
  await lead.page.getByRole("button", { name: "Approve" }).click();
  const dialog = lead.page.getByRole("dialog");
  // The dialog repeats what is being approved, and takes a note for the timeline.
  await expect(dialog).toContainText(/The full restore of Acme.* will delete [\d,]+ records? added after the backup, bring back [\d,]+ records? deleted since, and revert [\d,]+ records? changed since\./);
  await dialog.getByLabel("Note for the timeline (optional — the customer sees it)").fill("Approved after a call with the admin: this week's deals are re-entered by hand.");
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(lead.page.getByRole("heading", { level: 1 })).toContainText("Approved");
  await expect(lead.page.getByText("Approved by Leon Lead")).toBeVisible();
  await expect(lead.page.getByRole("list", { name: "Timeline" })).toContainText("Approved after a call with the admin");
  await expect(lead.page.getByText("The live data matches the approved preview.")).toBeVisible();
  await lead.context.close();
});

test("[SUPPORT] the queue keeps its view in the URL: filter, sort and the back button", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "support");
  await page.goto("/support/tickets");
  await page.getByRole("link", { name: /^Approved/ }).click();
  await expect(page).toHaveURL(/status=APPROVED/);
  await expect(page.getByRole("link", { name: number })).toBeVisible();
  await page.getByRole("columnheader", { name: /Created/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=createdAt/);
  await page.goBack();
  await expect(page).toHaveURL(/status=APPROVED$/);
  await page.goto("/support/tickets?sort=evil&status=NOPE&page=-3&perPage=9999");
  await expect(page.getByRole("row").nth(1)).toBeVisible();
  await context.close();
});

test("[LEAD] runs the full restore and watches it; [ACME] users see the banner during it and the outcome after", async ({ browser }) => {
  const lead = await signedInAs(browser, "lead");
  const member = await signedInAs(browser, "acmeMember");
  const admin = await signedInAs(browser, "acmeAdmin");
  // Hold the account so the run stays visibly in progress until we let it go.
  const lock = await holdAccountLock("acme");
  try {
    await lead.page.goto(`/support/tickets/${number}`);
    await lead.page.getByRole("button", { name: "Run restore" }).click();
    await expect(lead.page.getByRole("dialog")).toContainText("safety snapshot");
    await lead.page.getByRole("dialog").getByRole("button", { name: "Run restore" }).click();
    await expect(lead.page.getByRole("heading", { level: 1 })).toContainText("Running");
    await expect(lead.page.getByRole("progressbar")).toBeVisible();
    await expect(lead.page.getByRole("button", { name: "Run restore" })).toHaveCount(0);

    for (const user of [member, admin]) {
      await user.page.goto("/recovery");
      await expect(user.page.getByTestId("restore-banner")).toContainText("A restore is in progress on this account");
      await expect(user.page.getByTestId("restore-banner")).toContainText("read-only");
    }
    await admin.page.goto(`/recovery/${number}`);
    await expect(admin.page.getByText("Your restore is running")).toBeVisible();
  } finally {
    await lock.release();
  }

  // No reload: the page follows the run to its end.
  await expect(lead.page.getByRole("heading", { level: 1 })).toContainText("Completed", { timeout: 60_000 });
  await expect(lead.page.getByText(/The account now matches the backup: [\d,]+ rows in 10 tables verified/)).toBeVisible();
  await expect(lead.page.getByRole("list", { name: "Timeline" })).toContainText("Safety snapshot taken");
  await expect(lead.page.getByRole("button", { name: "Undo restore" })).toBeVisible();

  await expect(admin.page.getByRole("heading", { level: 1 })).toContainText("Completed", { timeout: 30_000 });
  await expect(admin.page.getByTestId("restore-banner")).toContainText("The account's data was restored to");
  await expect(admin.page.getByRole("list", { name: "Timeline" })).not.toContainText("Safety snapshot taken"); // internal
  await member.page.reload();
  await expect(member.page.getByTestId("restore-banner")).toContainText("The account's data was restored to");
  for (const user of [lead, member, admin]) await user.context.close();
});

test("[LEAD] undoes the full restore with a reason; the ticket ends Undone and [ACME ADMIN] is told in plain words", async ({ browser }) => {
  const lead = await signedInAs(browser, "lead");
  await lead.page.goto(`/support/tickets/${number}`);
  // The approved preview stays after the run, with how its figures became the run's.
  await expect(lead.page.getByText("How these figures become the run's")).toBeVisible();
  await expect(lead.page.getByText(/^Rows removed = [\d,]+ deleted \+ [\d,]+ reverted = [\d,]+$/)).toBeVisible();
  await lead.page.getByRole("button", { name: "Undo restore" }).click();
  const dialog = lead.page.getByRole("dialog");
  await expect(dialog).toContainText(/The restore removed or replaced [\d,]+ rows? and wrote [\d,]+ rows?; the undo reverses all of them\./);
  const confirm = dialog.getByRole("button", { name: "Undo restore" });
  await expect(confirm).toBeDisabled(); // the reason is required
  await dialog.getByLabel("Reason (required — the customer sees it)").fill("The admin found the products in another backup and wants this week's deals back.");
  await confirm.click();
  // No reload: the page follows the undo to its end.
  await expect(lead.page.getByRole("heading", { level: 1 })).toContainText("Undone", { timeout: 60_000 });
  await expect(lead.page.getByRole("button", { name: "Undo restore" })).toHaveCount(0);
  await expect(lead.page.getByRole("list", { name: "Timeline" })).toContainText("wants this week's deals back");
  await lead.context.close();

  const admin = await signedInAs(browser, "acmeAdmin");
  await admin.page.goto(`/recovery/${number}`);
  await expect(admin.page.getByRole("heading", { level: 1 })).toContainText("Undone");
  await expect(admin.page.getByText("This restore was undone")).toBeVisible();
  await expect(admin.page.getByText("The reason support gave:")).toBeVisible();
  await expect(admin.page.getByText("Your data is back as it was just before the restore.")).toBeVisible();
  for (const jargon of ["safety snapshot", " rows", "tables"]) await expect(admin.page.getByRole("main")).not.toContainText(jargon);
  await admin.page.goto("/notifications");
  await expect(admin.page.getByRole("main")).toContainText(`${number}: the full restore was undone`);
  await admin.context.close();
});

test("[ACME ADMIN] gets a CSV restore and opens it; Globex gets 404 for Acme's file", async ({ browser }) => {
  const admin = await signedInAs(browser, "acmeAdmin");
  const csvNumber = await fileRequest(admin.page, { method: "CSV file", description: "We want a file of the contacts as of last week to compare by hand." });

  const agent = await signedInAs(browser, "support");
  await agent.page.goto(`/support/tickets/${csvNumber}`);
  await agent.page.getByRole("button", { name: "Assign to me" }).click();
  await expect(agent.page.getByRole("heading", { level: 1 })).toContainText("In review");
  await approveAndRun(agent.page, csvNumber);
  await expect(agent.page.getByRole("link", { name: "Download CSV" })).toBeVisible();
  await agent.context.close();

  await admin.page.reload();
  await expect(admin.page.getByRole("heading", { level: 1 })).toContainText("Completed");
  const downloading = admin.page.waitForEvent("download");
  await admin.page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^acme-${csvNumber}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const records: Record<string, string>[] = parse(bytes, { bom: true, columns: true });
  expect(records.length).toBeGreaterThan(1000);
  expect(new Set(records.map((r) => r.type))).toEqual(new Set(["company", "contact", "deal", "lead"]));
  const direct = await admin.page.request.get(`/api/tickets/${csvNumber}/csv`);
  expect(direct.headers()["cache-control"]).toBe("no-store");
  await admin.context.close();

  const globex = await signedInAs(browser, "globexAdmin");
  const refused = await globex.page.request.get(`/api/tickets/${csvNumber}/csv`);
  expect(refused.status()).toBe(404);
  expect(await refused.text()).not.toContain("company");
  await globex.context.close();
});

test("[ACME ADMIN] imports the file of the completed CSV restore: preview first, then the records come back; a bad file is explained", async ({ browser }) => {
  // Someone deletes 25 of the contacts that are in the restore file.
  const lost = await deleteContactsOfLatestAcmeFile(25);
  expect(lost).toHaveLength(25);

  const admin = await signedInAs(browser, "acmeAdmin");
  const { page } = admin;
  await page.goto("/crm/import");
  await page.getByRole("button", { name: /^Import the file from ticket RR-\d{6}$/ }).first().click();
  await expect(page).toHaveURL(/\/crm\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Preview of acme-RR-");
  await expect(page.getByText("Nothing has been written yet.")).toBeVisible();
  const contacts = page.getByRole("table", { name: /^Preview of/ }).getByRole("row", { name: /^Contacts/ });
  // Missing now: the 25, plus contacts the full restore (to an earlier date) took away.
  const missing = Number((await contacts.getByRole("cell").nth(2).innerText()).replace(/\D/g, ""));
  expect(missing).toBeGreaterThanOrEqual(25);
  expect(await contactsExist(lost)).toBe(0);
  await page.getByRole("button", { name: /^Import [\d,]+ records?$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Imported acme-RR-");
  await expect(page.getByRole("table", { name: /^Imported/ }).getByRole("row", { name: /^Contacts/ }).getByRole("cell").nth(1)).toHaveText(missing.toLocaleString("en"));
  expect(await contactsExist(lost)).toBe(25);

  await page.goto("/crm/import");
  await page.locator("#import-file").setInputFiles({ name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from("type;id;firstName\ncontact;not-an-id;Jan\nopportunity;6f1c3c1e-2f7a-4a52-9a1e-0d9f3b0c1a2b;Ewa\n") });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Preview of broken.csv");
  const problems = page.getByRole("table", { name: /problems?$/ });
  await expect(problems).toContainText("not a valid id");
  await expect(problems).toContainText("type must be company, contact, deal or lead");
  await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Discard" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Discarded preview of broken.csv");
  await admin.context.close();

  const member = await signedInAs(browser, "acmeMember");
  expect((await member.page.goto("/crm/import"))?.status()).toBe(404);
  await member.context.close();
});
