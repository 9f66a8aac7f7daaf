import { expect, test, type Browser } from "@playwright/test";
import en from "../messages/en.json";
import { acmeBackupPaths, queryRows } from "./database";
import { expectNoSidewaysScrolling } from "./flows";
import { storageStatePath, type DemoUser } from "./users";

// Every page as the people who can see it, in English and Polish: no console
// error, no failed request, no message key where a text belongs. And the two
// pages support lives on fit a laptop and a phone in both languages.

type Who = DemoUser | "visitor";
const PAGES: [Who, string[]][] = [
  ["visitor", ["/login", "/plans", "/help", "/help/data-backup", "/help/data-backup?feedback=no"]],
  ["acmeAdmin", ["/recovery", "/recovery/new", "/recovery/backups", "/crm/import", "/notifications", "/settings/notifications"]],
  ["acmeMember", ["/recovery", "/recovery/backups", "/notifications"]],
  ["globexAdmin", ["/recovery", "/recovery/new"]],
  ["support", ["/support/tickets", "/support/tickets?view=all", "/support/tickets?view=waitingForLead", "/support/tickets/RR-000002", "/support/tickets/RR-000008", "/support/loss-alerts", "/support/settings/loss-detection", "/support/canned-replies", "/support/feedback", "/support/outbox", "/support/jobs", "/support/reports", "/support/help/data-backup/edit"]],
  ["lead", ["/support/tickets?view=mine", "/support/tickets/RR-000009"]],
];
// A message key shown instead of its text (next-intl's fallback is "namespace.key").
const KEY_SHOWN = new RegExp(`\\b(?:${Object.keys(en).join("|")})\\.[A-Za-z]+(?:\\.[A-Za-z]+)*\\b`);

async function walk(browser: Browser, who: Who, locale: "en" | "pl", paths: string[]) {
  const context = await browser.newContext({ ...(who === "visitor" ? {} : { storageState: storageStatePath(who) }), locale: locale === "pl" ? "pl-PL" : "en-US" });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: test.info().project.use.baseURL! }]);
  const page = await context.newPage();
  const problems: string[] = [];
  let at = "";
  page.on("console", (message) => message.type() === "error" && problems.push(`${at}: console error: ${message.text().slice(0, 200)}`));
  page.on("pageerror", (error) => problems.push(`${at}: page error: ${error.message.slice(0, 200)}`));
  // A prefetch the next navigation cancels is aborted, not failed.
  page.on("requestfailed", (request) => request.failure()?.errorText !== "net::ERR_ABORTED" && problems.push(`${at}: request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on("response", (response) => response.status() >= 400 && problems.push(`${at}: ${response.status()} ${response.url()}`));
  for (const path of paths) {
    at = `${who} ${locale} ${path}`;
    const response = await page.goto(path);
    expect(response?.status(), at).toBeLessThan(400);
    await page.waitForLoadState("load");
    const text = await page.locator("body").innerText();
    const key = KEY_SHOWN.exec(text);
    if (key) problems.push(`${at}: message key shown: ${key[0]}`);
  }
  await context.close();
  return problems;
}

test("[EVERYONE] every page in both languages: no console error, no failed request, no message key on screen", async ({ browser }) => {
  test.setTimeout(300_000);
  const [email] = await queryRows<{ id: string }>(`SELECT id FROM email_outbox ORDER BY "createdAt" LIMIT 1`);
  const backup = await acmeBackupPaths();
  const extra: Partial<Record<Who, string[]>> = { support: [`/support/outbox/${email.id}`, "/support/tickets/RR-000002/backup?status=DELETED"], acmeAdmin: backup };
  const problems: string[] = [];
  for (const locale of ["en", "pl"] as const) {
    for (const [who, paths] of PAGES) problems.push(...(await walk(browser, who, locale, [...paths, ...(extra[who] ?? [])])));
  }
  expect(problems).toEqual([]);
});

for (const locale of ["en", "pl"] as const) {
  for (const viewport of [{ width: 1366, height: 850 }, { width: 390, height: 844 }]) {
    test(`[SUPPORT] the queue and a ticket with its restore preview fit ${viewport.width} px in ${locale === "en" ? "English" : "Polish"}: no sideways scrolling`, async ({ browser }) => {
      const context = await browser.newContext({ storageState: storageStatePath("support"), viewport });
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: test.info().project.use.baseURL! }]);
      const page = await context.newPage();
      for (const path of ["/support/tickets", "/support/tickets?view=all", "/support/tickets/RR-000002"]) {
        await page.goto(path);
        await page.waitForLoadState("load");
        if (path.includes("RR-")) await expect(page.getByRole("table", { name: locale === "en" ? "Restore preview" : /./ }).first()).toBeVisible();
        await expectNoSidewaysScrolling(page, `${path} at ${viewport.width} px`, { tableFits: !path.includes("RR-") });
      }
      await context.close();
    });
  }
}
