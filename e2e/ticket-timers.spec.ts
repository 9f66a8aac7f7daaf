import { expect, test, type Page } from "@playwright/test";
import { queryRows } from "./database";
import { signedInAs } from "./flows";
import { storageStatePath } from "./users";

// First-response and resolution times: on the ticket, as sortable queue
// columns, and as weekly medians on the support report.

const ticketNumber = (n: number) => `RR-${String(n).padStart(6, "0")}`;

/** The demo seed replays each ticket's history at fixed hours after filing (lib/seed/demo-tickets.ts). */
async function seededTicket(slug: string) {
  const [row] = await queryRows<{ number: number }>(`SELECT t.number FROM restore_ticket t JOIN account a ON a.id = t."accountId" WHERE a."portalAddress" = $1 ORDER BY t."createdAt" LIMIT 1`, [
    `${slug}.crm.example`,
  ]);
  return ticketNumber(row.number);
}

test("[SUPPORT] timers correct for a seeded ticket", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "support");
  // Wayne: review started after 1 h, support's question after 2 h; still waiting for the answer.
  await page.goto(`/support/tickets/${await seededTicket("wayne")}`);
  const firstResponse = page.getByTestId("timer-firstResponse");
  await expect(firstResponse).toContainText("First response");
  await expect(firstResponse.getByTestId("timer-duration")).toHaveText("2 h");
  await expect(firstResponse).toContainText("answered");
  await expect(page.getByTestId("timer-resolution")).toContainText(/open for \d+ d( \d+ h)?/);

  // Soylent: rejected (with a reason) after 2 h, never answered with a reply or a question.
  await page.goto(`/support/tickets/${await seededTicket("soylent")}`);
  await expect(page.getByTestId("timer-resolution").getByTestId("timer-duration")).toHaveText("2 h");
  await expect(page.getByTestId("timer-resolution")).toContainText("resolved");
  await expect(page.getByTestId("timer-firstResponse")).toContainText("closed before support answered");
  await context.close();
});

/** The ticket numbers the queue shows, top to bottom. */
const shownNumbers = (page: Page) => page.locator("main table tbody").getByRole("link", { name: /^RR-\d{6}$/ }).allTextContents();

/** The timers as the queue shows them: stopped, or running until now; a first response that never came on a closed ticket last. */
const ELAPSED = {
  firstResponse: `CASE WHEN "firstResponseAt" IS NOT NULL THEN "firstResponseAt" - "createdAt" WHEN "closedAt" IS NULL THEN now() - "createdAt" END`,
  resolution: `COALESCE("closedAt", now()) - "createdAt"`,
};

async function expectedOrder(timer: keyof typeof ELAPSED, dir: "ASC" | "DESC") {
  const rows = await queryRows<{ number: number }>(`SELECT number FROM restore_ticket ORDER BY (${ELAPSED[timer]}) ${dir} NULLS LAST, number DESC LIMIT 25`);
  return rows.map((row) => ticketNumber(row.number));
}

test("[SUPPORT] the queue sorts by first response and by resolution, a running timer counting until now", async ({ browser }) => {
  // The timer columns show on a wide screen (at a laptop's width the table keeps to what fits).
  const context = await browser.newContext({ storageState: storageStatePath("support"), viewport: { width: 1680, height: 900 } });
  const page = await context.newPage();
  await page.goto("/support/tickets?view=all");

  const firstResponse = page.getByRole("columnheader", { name: /First response/ });
  await firstResponse.getByRole("link").click();
  await expect(page).toHaveURL(/sort=firstResponse/);
  await expect(firstResponse).toHaveAttribute("aria-sort", "descending");
  const longestFirst = await expectedOrder("firstResponse", "DESC");
  await expect.poll(() => shownNumbers(page)).toEqual(longestFirst);

  await firstResponse.getByRole("link").click();
  await expect(page).toHaveURL(/sort=firstResponse&dir=asc/);
  await expect(firstResponse).toHaveAttribute("aria-sort", "ascending");
  const shortestFirst = await expectedOrder("firstResponse", "ASC");
  await expect.poll(() => shownNumbers(page)).toEqual(shortestFirst);

  const resolution = page.getByRole("columnheader", { name: /Resolution/ });
  await resolution.getByRole("link").click();
  await expect(page).toHaveURL(/sort=resolution/);
  await expect(resolution).toHaveAttribute("aria-sort", "descending");
  const slowestFirst = await expectedOrder("resolution", "DESC");
  await expect.poll(() => shownNumbers(page)).toEqual(slowestFirst);
  await context.close();
});

test("[SUPPORT] the report shows 12 weeks with tickets filed, medians and resolved counts; customers get 404", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "support");
  await page.goto("/support/reports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reports");
  for (const name of ["Week", "Filed", "Median first response", "Median resolution", "Resolved"]) await expect(page.getByRole("columnheader", { name, exact: true })).toBeVisible();
  const weeks = page.getByTestId("report-week");
  await expect(weeks).toHaveCount(12);
  // Every ticket filed in those weeks is counted once.
  const [{ filed }] = await queryRows<{ filed: number }>(`SELECT count(*)::int AS filed FROM restore_ticket WHERE "createdAt" >= date_trunc('week', now(), 'UTC') - interval '11 weeks'`);
  const cells = await weeks.locator("td:nth-child(2)").allTextContents();
  expect(cells.reduce((sum, text) => sum + Number(text.replace(/\D/g, "")), 0)).toBe(filed);
  // The demo's answers and outcomes fall in the last two weeks: a median is shown there.
  await expect(weeks.nth(0).or(weeks.nth(1)).locator("td:nth-child(3)").filter({ hasText: /\d+ (min|h|d)/ }).first()).toBeVisible();
  await context.close();

  for (const who of ["acmeAdmin", "acmeMember"] as const) {
    const customer = await signedInAs(browser, who);
    const response = await customer.page.goto("/support/reports");
    expect(response?.status(), who).toBe(404);
    await customer.context.close();
  }
});

test("[SUPPORT] the report in Polish fits a phone", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("support"), viewport: { width: 390, height: 844 } });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "pl", url: test.info().project.use.baseURL! }]);
  const page = await context.newPage();
  await page.goto("/support/reports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Raporty");
  await expect(page.getByRole("columnheader", { name: "Mediana pierwszej odpowiedzi" })).toBeVisible();
  await expect(page.getByTestId("report-week")).toHaveCount(12);
  const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await context.close();
});
