import { expect, type Browser, type Page } from "@playwright/test";
import { queryRows } from "./database";
import { storageStatePath, type DemoUser } from "./users";

// Steps several specs take the same way, written once.

/** A fresh browser context signed in as a demo user, with one page. */
export async function signedInAs(browser: Browser, user: DemoUser) {
  const context = await browser.newContext({ storageState: storageStatePath(user) });
  return { context, page: await context.newPage() };
}

/** Acme's open request (RR-…), if there is one. */
export async function openAcmeRequest(): Promise<string | null> {
  const [open] = await queryRows<{ number: string }>(
    `SELECT 'RR-' || lpad(t.number::text, 6, '0') AS number FROM restore_ticket t JOIN account a ON a.id = t."accountId" WHERE a."portalAddress" = 'acme.crm.example' AND t."closedAt" IS NULL`,
  );
  return open?.number ?? null;
}

/**
 * Fills the request form (not submitted): `dateOption` picks the n-th backup date offered.
 * A request an earlier test left open (it failed half-way) is cancelled first — one open
 * request per account: one failed test must not fail every later one that files.
 */
export async function fillRequest(page: Page, { method, description, dateOption = 2 }: { method: "CSV file" | "Full restore"; description: string; dateOption?: number }) {
  const leftover = await openAcmeRequest();
  if (leftover) {
    console.warn(`${leftover} was left open by an earlier test: cancelled before filing a new request`);
    await cancelIfOpen(page.context().browser()!, leftover);
  }
  await page.goto("/recovery/new");
  await page.getByRole("radiogroup", { name: "Restore method" }).getByLabel(method).check();
  const dateSelect = page.getByLabel("Restore to date");
  await dateSelect.selectOption((await dateSelect.locator("option").nth(dateOption).getAttribute("value"))!);
  await expect(page.getByTestId("snapshot-counts")).toContainText("Contacts");
  await page.getByLabel("What was lost?").fill(description);
  if (method === "Full restore") await page.getByLabel(/^I understand that all data added after/).check();
  await page.getByLabel(/^I understand the restore affects all users/).check();
}

/** Files a request and returns its number (RR-…). */
export async function fileRequest(page: Page, request: Parameters<typeof fillRequest>[1]): Promise<string> {
  await fillRequest(page, request);
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/recovery\/RR-\d{6}/);
  return page.url().match(/RR-\d{6}/)![0];
}

/**
 * Cancels the Acme admin's request if it is still open — for a spec's afterAll: one failed step must not
 * leave Acme with an open request, which would refuse every later spec's new one (one open request per account).
 */
export async function cancelIfOpen(browser: Browser, number: string) {
  if (!number) return;
  const admin = await signedInAs(browser, "acmeAdmin");
  await admin.page.goto(`/recovery/${number}`);
  const cancel = admin.page.getByRole("button", { name: "Cancel request" });
  if (await cancel.isVisible()) {
    await cancel.click();
    await admin.page.getByRole("dialog").getByRole("button", { name: "Cancel request" }).click();
    await expect(admin.page.getByText("Cancelled").first()).toBeVisible();
  }
  await admin.context.close();
}

/** Support approves a request that needs no lead (a CSV, or bringing back deleted records) and runs it to completion. */
export async function approveAndRun(page: Page, number: string) {
  await page.goto(`/support/tickets/${number}`);
  await page.getByRole("button", { name: "Approve" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Approved");
  await page.getByRole("button", { name: "Run restore" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Run restore" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Completed", { timeout: 60_000 });
}

/** Nothing on the page scrolls sideways — the page itself nor (with tableFits) the first table inside its box. */
export async function expectNoSidewaysScrolling(page: Page, where: string, { tableFits }: { tableFits: boolean }) {
  const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scrollWidth, where).toBeLessThanOrEqual(clientWidth);
  // A table shows every column without scrolling (on a phone, cards instead).
  const table = page.locator("main table").first();
  if (tableFits && (await table.isVisible())) {
    const [inner, outer] = await table.evaluate((t) => [t.scrollWidth, t.parentElement!.clientWidth]);
    expect(inner, `${where}: the table fits its box`).toBeLessThanOrEqual(outer);
  }
}
