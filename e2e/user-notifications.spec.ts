import { expect, test } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { baseURL, smtpPort } from "../playwright.config";
import { startSmtpInbox } from "../lib/testing/smtp-inbox";
import { queryRows } from "./database";
import { approveAndRun, cancelIfOpen, fileRequest, signedInAs } from "./flows";

// Notifications end to end, through a real SMTP server this file runs on the
// port the app mails to: first it is down (the app must not wait for it),
// then it receives the Acme admin's question, the assignee's copy of the
// answer, and the "completed" email whose CSV link downloads the file.
test.describe.configure({ mode: "serial" });

let inbox: Awaited<ReturnType<typeof startSmtpInbox>> | null = null;
let number = "";

test.afterAll(async ({ browser }) => {
  await inbox?.close();
  await cancelIfOpen(browser, number);
});

/** The messages to `address` about this test's ticket whose subject matches. */
const mailsTo = (address: string, subject: RegExp) => (inbox?.received ?? []).filter((m) => m.rcpt.includes(address) && subject.test(m.mail.subject ?? "") && (m.mail.subject ?? "").includes(number));

async function waitForMail(address: string, subject: RegExp, timeout = 20_000): Promise<ParsedMail> {
  await expect.poll(() => mailsTo(address, subject).length, { timeout, message: `an email to ${address} matching ${subject}` }).toBeGreaterThan(0);
  return mailsTo(address, subject)[0].mail;
}

const linkIn = (text: string, path: RegExp) => text.match(new RegExp(`${baseURL.replace(/[.:/]/g, "\\$&")}${path.source}`))?.[0];

test("[ACME ADMIN + SUPPORT] with the mail server down, asking for information is instant; the bell updates live; the outbox shows the retry", async ({ browser }) => {
  const admin = await signedInAs(browser, "acmeAdmin");
  number = await fileRequest(admin.page, { method: "CSV file", description: "Deals of the Kraków office disappeared after an import; we need the file to compare.", dateOption: 1 });
  await admin.page.goto("/recovery");
  const bell = admin.page.getByTestId("notification-bell");
  const unreadBefore = Number((await bell.getAttribute("aria-label"))!.match(/(\d+) unread/)?.[1] ?? 0);

  const agent = await signedInAs(browser, "support");
  await agent.page.goto(`/support/tickets/${number}`);
  await agent.page.getByRole("button", { name: "Assign to me" }).click();
  await expect(agent.page.getByRole("heading", { level: 1 })).toContainText("In review");
  const asked = Date.now();
  await agent.page.getByRole("button", { name: "Ask for information" }).click();
  await agent.page.getByRole("dialog").getByLabel("Question").fill("Which pipeline were the deals in?");
  await agent.page.getByRole("dialog").getByRole("button", { name: "Send question" }).click();
  await expect(agent.page.getByRole("heading", { level: 1 })).toContainText("Needs information");
  expect(Date.now() - asked, "a refusing mail server never holds up the action").toBeLessThan(5_000);

  // The admin's open page learns of it without a reload.
  await expect(bell).toHaveAttribute("aria-label", new RegExp(`${unreadBefore + 1} unread`), { timeout: 15_000 });
  await bell.click();
  await expect(admin.page.getByTestId("notification").first()).toContainText(`${number}: support needs more information`);

  // The outbox says what happened to the email: waiting, with the refusal, to be tried again.
  await expect
    .poll(
      async () => {
        await agent.page.goto("/support/outbox?status=PENDING");
        const row = agent.page.getByRole("row").filter({ hasText: "admin@acme.test" }).filter({ hasText: number });
        return (await row.count()) ? await row.first().innerText() : "";
      },
      { timeout: 15_000 },
    )
    .toMatch(/ECONNREFUSED[\s\S]*Waiting[\s\S]*Next attempt/);
  await agent.context.close();
  await admin.context.close();
});

test("[MAIL] the mail server comes back: the question arrives once, in English, with a link to the request", async () => {
  inbox = await startSmtpInbox(smtpPort);
  const mail = await waitForMail("admin@acme.test", /support needs more information/, 60_000);
  expect(mail.subject).toBe(`[Restore Desk] ${number}: support needs more information`);
  expect(mail.from?.text).toContain("desk@restoredesk.test");
  expect(mail.text).toContain("> Which pipeline were the deals in?");
  expect(mail.text).toContain(`${baseURL}/recovery/${number}`);
  expect(mail.html).toContain(`href="${baseURL}/recovery/${number}"`);
  expect(mail.text).toContain(`${baseURL}/settings/notifications`);
  // Sent once: when the outbox row is marked sent and no worker holds it, no round can send it again.
  const outboxRow = async () =>
    (
      await queryRows<{ status: string; attempts: number; locked: boolean }>(
        `SELECT e.status, e.attempts, (e."lockedUntil" IS NOT NULL AND e."lockedUntil" > now()) AS locked FROM email_outbox e JOIN notification n ON n.id = e."notificationId" WHERE n."ticketNumber" = $1 AND n.kind = 'INFO_REQUESTED'`,
        [Number(number.slice(3))],
      )
    )[0];
  await expect.poll(async () => { const row = await outboxRow(); return `${row.status} ${row.locked ? "locked" : "free"}`; }, { timeout: 30_000 }).toBe("SENT free");
  expect(mailsTo("admin@acme.test", /support needs more information/)).toHaveLength(1);
  expect((await outboxRow()).attempts).toBeGreaterThanOrEqual(2);
});

test("[ACME ADMIN] opens the request from the email and answers; the assignee gets the answer by email", async ({ browser }) => {
  const link = linkIn((await waitForMail("admin@acme.test", /support needs more information/)).text!, /\/recovery\/RR-\d{6}/)!;
  const admin = await signedInAs(browser, "acmeAdmin");
  await admin.page.goto(link);
  await expect(admin.page.getByRole("heading", { level: 1 })).toContainText("Needs information");
  await admin.page.getByLabel("Your answer").fill("The Enterprise pipeline, all deals created in October.");
  const answered = Date.now();
  await admin.page.getByRole("button", { name: "Send answer" }).click();
  await expect(admin.page.getByRole("heading", { level: 1 })).toContainText("In review");
  await admin.context.close();

  const mail = await waitForMail("support@restoredesk.test", /replied/);
  console.log(`notification email: answer sent → in the assignee's SMTP inbox in ${Date.now() - answered} ms (worker polling every 500 ms)`);
  expect(mail.text).toContain("> The Enterprise pipeline, all deals created in October.");
  expect(mail.text).toContain(`${baseURL}/support/tickets/${number}`);
});

test("[SUPPORT] approves and runs it; [ACME ADMIN] gets 'completed' with a CSV link that downloads the file", async ({ browser }) => {
  const agent = await signedInAs(browser, "support");
  await approveAndRun(agent.page, number);
  await agent.context.close();

  await waitForMail("admin@acme.test", /is approved/);
  const mail = await waitForMail("admin@acme.test", /the restore is complete/, 30_000);
  expect(mail.text).toMatch(/The CSV file holds [\d,]+ items/);
  const csvLink = linkIn(mail.text!, /\/api\/tickets\/RR-\d{6}\/csv/)!;
  expect(csvLink).toBe(`${baseURL}/api/tickets/${number}/csv`);

  const admin = await signedInAs(browser, "acmeAdmin");
  const file = await admin.page.request.get(csvLink);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toContain("text/csv");
  const body = await file.body();
  expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(body.toString("utf8")).toContain("type,id");
  await admin.context.close();

  // Followed while signed out, the link asks to sign in and comes back to the file.
  const anonymous = await browser.newContext();
  const page = await anonymous.newPage();
  await page.goto(csvLink);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await anonymous.close();
});

test("[ACME ADMIN] turns off email for support replies: a reply shows in the app, and no email is made", async ({ browser }) => {
  const admin = await signedInAs(browser, "acmeAdmin");
  await admin.page.goto("/settings/notifications");
  await admin.page.getByLabel("Support replied").uncheck();
  await admin.page.getByRole("button", { name: "Save preferences" }).click();
  await expect(admin.page.getByText("Preferences saved.")).toBeVisible();

  const agent = await signedInAs(browser, "support");
  await agent.page.goto(`/support/tickets/${number}`);
  await agent.page.getByLabel("Reply (the requester sees it)").fill("The file is ready; tell us if anything is missing.");
  await agent.page.getByRole("button", { name: "Send reply" }).click();
  await expect(agent.page.getByRole("list", { name: "Timeline" })).toContainText("The file is ready");
  await agent.context.close();

  await admin.page.goto("/notifications");
  await expect(admin.page.getByTestId("notification").first()).toContainText(`${number}: support replied`);
  await admin.page.getByTestId("notification").first().click();
  await expect(admin.page).toHaveURL(new RegExp(`/recovery/${number}$`));
  const rows = await queryRows<{ email: string | null; read: boolean }>(
    `SELECT e.id AS email, n."readAt" IS NOT NULL AS read FROM notification n LEFT JOIN email_outbox e ON e."notificationId" = n.id WHERE n."ticketNumber" = $1 AND n.kind = 'SUPPORT_REPLIED'`,
    [Number(number.slice(3))],
  );
  expect(rows).toEqual([{ email: null, read: true }]);

  await admin.page.goto("/settings/notifications");
  await admin.page.getByLabel("Support replied").check();
  await admin.page.getByRole("button", { name: "Save preferences" }).click();
  await expect(admin.page.getByText("Preferences saved.")).toBeVisible();
  await admin.context.close();
});
