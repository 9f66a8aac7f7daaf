import { expect, test } from "@playwright/test";
import { smtpPort } from "../playwright.config";
import { startSmtpInbox } from "../lib/testing/smtp-inbox";
import { spawnScript } from "../lib/testing/child-script";
import { e2eDatabaseUrl, queryRows } from "./database";
import { signedInAs } from "./flows";
import { actionIds, callAction } from "./server-actions";

// A colleague deletes 300 of Acme's contacts; the next daily snapshot notices.
// The admin sees the banner and gets the email (a real SMTP server on the port
// the app mails to), follows "Review and restore" to a request filled in with
// the backup from before the deletion, and support sees the link. At the end
// the request is cancelled and the contacts put back, so later tests find
// Acme as the demo has it.
test.describe.configure({ mode: "serial" });

let inbox: Awaited<ReturnType<typeof startSmtpInbox>> | null = null;
type Row = Record<string, unknown>;
let deleted: Row[] = [];
let accountId = "";

test.beforeAll(async () => {
  inbox = await startSmtpInbox(smtpPort);
  [{ id: accountId }] = await queryRows<{ id: string }>(`SELECT id FROM account WHERE "portalAddress" = 'acme.crm.example'`);
});

test.afterAll(async () => {
  await inbox?.close();
  // Put the contacts back exactly as they were (their change-log entries are harmless: the next snapshot finds them unchanged).
  if (deleted.length) await queryRows(`INSERT INTO crm_contact SELECT * FROM json_populate_recordset(NULL::crm_contact, $1::json) ON CONFLICT (id) DO NOTHING`, [JSON.stringify(deleted)]);
});

test("[ACME ADMIN + SUPPORT] 300 deleted contacts: banner and email, Review and restore files the request for the backup from before, support sees the link", async ({ browser }) => {
  test.setTimeout(120_000);
  deleted = await queryRows<Row>(
    `DELETE FROM crm_contact WHERE id IN (SELECT id FROM crm_contact WHERE "accountId" = $1::uuid ORDER BY "createdAt", id LIMIT 300) RETURNING *`,
    [accountId],
  );
  expect(deleted).toHaveLength(300);

  // The next daily snapshot, as the daily job takes it at 01:00 UTC tomorrow.
  const now = new Date();
  const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 1));
  const snapshot = spawnScript("lib/testing/take-snapshot-child.ts", [e2eDatabaseUrl, accountId, "-", tomorrow.toISOString()]);
  await snapshot.exited;
  expect(snapshot.child.exitCode).toBe(0);
  // The day's ordinary churn since the last backup deletes a few more: the alert counts them all.
  const [alert] = await queryRows<{ id: string; count: number; total: number; before: string }>(
    `SELECT a.id, a.count, a.total, to_char(a."beforeTakenAt" AT TIME ZONE 'Europe/Warsaw', 'YYYY-MM-DD') AS before
     FROM loss_alert a JOIN snapshot s ON s.id = a."snapshotId"
     WHERE a."accountId" = $1::uuid AND a."tableKey" = 'contact' AND a.kind = 'DELETED' AND s.seq = (SELECT max(seq) FROM snapshot WHERE "accountId" = $1::uuid)`,
    [accountId],
  );
  expect(alert, "the snapshot raised a loss alert for the contacts").toBeTruthy();
  expect(alert.count).toBeGreaterThanOrEqual(300);
  const contacts = `${alert.count} contacts`;
  const percent = Math.round((alert.count * 100) / alert.total);

  // The banner, on the recovery page and on the CRM import page.
  const admin = await signedInAs(browser, "acmeAdmin");
  await admin.page.goto("/recovery");
  const banner = admin.page.getByTestId("loss-alert-banner");
  const item = banner.getByTestId("loss-alert").filter({ hasText: contacts });
  await expect(item).toContainText(`${contacts} (${percent}%) were deleted between`);
  await expect(item).toContainText("is kept until");
  await admin.page.goto("/crm/import");
  await expect(admin.page.getByTestId("loss-alert-banner").getByTestId("loss-alert").filter({ hasText: contacts })).toBeVisible();

  // The email: counts, not records, and the button to the filled-in request.
  await expect
    .poll(() => inbox!.received.filter((m) => m.rcpt.includes("admin@acme.test") && (m.mail.text ?? "").includes(`${contacts} (`)).length, { timeout: 30_000, message: "the loss email to the Acme admin" })
    .toBe(1);
  const email = inbox!.received.find((m) => (m.mail.text ?? "").includes(`${contacts} (`))!.mail;
  expect(email.subject).toBe("[Restore Desk] Large change in your CRM: Contacts");
  for (const contact of deleted.slice(0, 20)) expect(email.text).not.toContain(String(contact.email));
  expect(email.text).toContain(`/recovery/new?lossAlert=${alert.id}`);

  // Review and restore: the form filled in from the alert.
  await admin.page.goto("/recovery");
  await admin.page.getByTestId("loss-alert").filter({ hasText: contacts }).getByRole("link", { name: "Review and restore" }).click();
  await expect(admin.page).toHaveURL(new RegExp(`/recovery/new\\?lossAlert=${alert.id}`));
  await expect(admin.page.getByText("Filled in from a loss alert")).toBeVisible();
  // A selective restore of exactly that type: deleted contacts come back, everyone's later work stays.
  await expect(admin.page.getByRole("radiogroup", { name: "Restore method" }).getByLabel("Selective restore")).toBeChecked();
  await expect(admin.page.getByLabel("Contacts", { exact: true })).toBeChecked();
  await expect(admin.page.getByLabel("Products", { exact: true })).not.toBeChecked();
  await expect(admin.page.getByRole("radiogroup", { name: "How to restore" }).getByLabel("Bring back deleted records")).toBeChecked();
  await expect(admin.page.getByLabel("Restore to date")).toHaveValue(alert.before);
  await admin.page.getByLabel("What was lost?").fill("300 contacts were deleted by a colleague; we need them back from the backup before.");
  await admin.page.getByLabel(/I understand the restore affects all users/).check();
  await admin.page.getByRole("button", { name: "Submit request" }).click();
  await expect(admin.page).toHaveURL(/\/recovery\/RR-\d{6}/);
  const number = admin.page.url().match(/RR-\d{6}/)![0];
  await expect(admin.page.getByTestId("ticket-loss-alert")).toContainText("Large change in your CRM: Contacts");
  const [ticket] = await queryRows<{ restoreDate: string; lossAlertId: string }>(
    `SELECT to_char("restoreDate", 'YYYY-MM-DD') AS "restoreDate", "lossAlertId" FROM restore_ticket WHERE number = $1`,
    [Number(number.slice(3))],
  );
  expect(ticket).toEqual({ restoreDate: alert.before, lossAlertId: alert.id });
  // Followed by a request: no longer in the banner.
  await admin.page.goto("/recovery");
  await expect(admin.page.getByTestId("loss-alert").filter({ hasText: contacts })).toHaveCount(0);

  // Support: the alert in Loss alerts with its request, and the alert on the ticket.
  const agent = await signedInAs(browser, "support");
  await agent.page.goto("/support/loss-alerts");
  const row = agent.page.getByTestId("support-loss-alert").filter({ hasText: contacts });
  await expect(row).toContainText("Acme Sp. z o.o.");
  await row.getByRole("link", { name: number }).click();
  await expect(agent.page).toHaveURL(new RegExp(`/support/tickets/${number}`));
  await expect(agent.page.getByTestId("ticket-loss-alert")).toContainText("Large change in your CRM: Contacts");

  // Cancelled, so the next tests can file Acme's requests.
  await admin.page.goto(`/recovery/${number}`);
  await admin.page.getByRole("button", { name: "Cancel request" }).click();
  await admin.page.getByRole("dialog").getByRole("button", { name: "Cancel request" }).click();
  await expect(admin.page.getByText("Cancelled").first()).toBeVisible();
  await admin.context.close();
  await agent.context.close();
});

test("[ACME ADMIN / MEMBER / GLOBEX ADMIN] dismissing says who and when; members are not shown alerts and may not dismiss; another account's admin gets not-found", async ({ browser }) => {
  const [productAlert] = await queryRows<{ id: string }>(`SELECT id FROM loss_alert WHERE "accountId" = $1::uuid AND "tableKey" = 'product'`, [accountId]);
  const dismiss = actionIds().get("app/(customer)/recovery/actions.ts#dismissLossAlertAction")!;
  const member = await signedInAs(browser, "acmeMember");
  await member.page.goto("/recovery");
  await expect(member.page.getByTestId("loss-alert-banner")).toHaveCount(0);
  expect((await callAction(member.context.request, dismiss, [{ id: productAlert.id }])).code).toBe("FORBIDDEN");
  await member.context.close();
  const globex = await signedInAs(browser, "globexAdmin");
  expect((await callAction(globex.context.request, dismiss, [{ id: productAlert.id }])).code).toBe("NOT_FOUND");
  await globex.context.close();
  expect(await queryRows(`SELECT 1 FROM loss_alert WHERE id = $1::uuid AND "dismissedAt" IS NULL`, [productAlert.id])).toHaveLength(1);

  const admin = await signedInAs(browser, "acmeAdmin");
  await admin.page.goto("/recovery");
  // The demo's own loss two days ago: products deleted.
  const products = admin.page.getByTestId("loss-alert").filter({ hasText: /products/ });
  await expect(products).toHaveCount(1);
  await products.getByRole("button", { name: "Dismiss — this was intended" }).click();
  await expect(admin.page.getByTestId("loss-alert").filter({ hasText: /products/ })).toHaveCount(0);
  const [dismissed] = await queryRows<{ who: string }>(
    `SELECT u.email AS who FROM loss_alert a JOIN app_user u ON u.id = a."dismissedById" WHERE a."accountId" = $1::uuid AND a."tableKey" = 'product' AND a."dismissedAt" IS NOT NULL`,
    [accountId],
  );
  expect(dismissed).toEqual({ who: "admin@acme.test" });
  // Support still sees it, with who dismissed it.
  const agent = await signedInAs(browser, "support");
  await agent.page.goto("/support/loss-alerts");
  await expect(agent.page.getByTestId("support-loss-alert").filter({ hasText: /products/ })).toHaveCount(0);
  await expect(agent.page.getByTestId("dismissed-loss-alert").filter({ hasText: /products/ })).toContainText("Dismissed by Alicja Nowak");
  await agent.context.close();
  // Put back as the demo has it.
  await queryRows(`UPDATE loss_alert SET "dismissedAt" = NULL, "dismissedById" = NULL WHERE "accountId" = $1::uuid AND "tableKey" = 'product'`, [accountId]);
  await admin.context.close();
});

test("[SUPPORT] thresholds out of range are refused beside their fields and nothing is saved; an account's override is saved and removed", async ({ browser }) => {
  const agent = await signedInAs(browser, "support");
  await agent.page.goto("/support/settings/loss-detection");
  const scope = agent.page.getByLabel("Applies to");
  await scope.selectOption({ label: "Acme Sp. z o.o." });
  await agent.page.getByLabel("Share of a type deleted or edited (%)").fill("150");
  await agent.page.getByLabel("…and at least this many records").fill("abc");
  await agent.page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(agent.page.getByText("Enter a percentage from 0 to 100.")).toBeVisible();
  await expect(agent.page.getByText("Enter a number.")).toBeVisible();
  // The choice and what was typed stay, to be corrected.
  await expect(scope).toHaveValue(`account:${accountId}`);
  await expect(agent.page.getByLabel("Share of a type deleted or edited (%)")).toHaveValue("150");
  expect(await queryRows(`SELECT 1 FROM loss_threshold_setting`)).toEqual([]);

  await agent.page.getByLabel("Share of a type deleted or edited (%)").fill("25");
  await agent.page.getByLabel("…and at least this many records").fill("30");
  await agent.page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(agent.page.getByText("Thresholds saved.")).toBeVisible();
  const override = agent.page.getByTestId("loss-overrides");
  await expect(override).toContainText("Account: Acme Sp. z o.o.");
  await expect(override).toContainText("25% and 30 records");
  await override.getByRole("button", { name: "Remove override" }).click();
  await expect(agent.page.getByText("No overrides: every account uses the defaults.")).toBeVisible();
  expect(await queryRows(`SELECT 1 FROM loss_threshold_setting`)).toEqual([]);
  await agent.context.close();
});
