import { expect, test, type Browser } from "@playwright/test";
import { queryRows } from "./database";
import { storageStatePath, type DemoUser } from "./users";

// Every page, as the people who can see it, under the strict Content-Security-Policy:
// the browser reports each blocked script, style or connection; there must be none.
const PAGES: [DemoUser | "visitor", string[]][] = [
  ["visitor", ["/login", "/plans", "/help", "/help/data-backup", "/help/data-backup?feedback=no"]],
  ["acmeAdmin", ["/recovery", "/recovery/new", "/recovery/backups", "/crm/import", "/help/data-backup", "/notifications", "/settings/notifications"]],
  ["acmeMember", ["/recovery", "/notifications", "/settings/notifications"]],
  [
    "support",
    ["/support/tickets", "/support/tickets/RR-000008", "/support/tickets/RR-000009", "/support/loss-alerts", "/support/settings/loss-detection", "/support/canned-replies", "/support/feedback", "/support/help/data-backup/edit", "/support/outbox", "/support/jobs", "/support/reports", "/notifications", "/settings/notifications"],
  ],
];

async function visit(browser: Browser, who: DemoUser | "visitor", paths: string[]) {
  const context = await browser.newContext(who === "visitor" ? {} : { storageState: storageStatePath(who) });
  await context.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    expect(response?.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    // Loaded, hydrated (React has rendered a frame), and one task later: a refused resource reports as a queued task.
    await page.waitForLoadState("load");
    for (let frame = 0; frame < 2; frame++) await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    violations.push(...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).map((v) => `${path}: ${v}`));
  }
  await context.close();
  return violations;
}

test("[EVERYONE] no page breaks the strict Content-Security-Policy: 0 violations", async ({ browser }) => {
  test.setTimeout(120_000);
  const violations: string[] = [];
  // One email of the outbox (the demo's history made some) for its detail page.
  const [email] = await queryRows<{ id: string }>(`SELECT id FROM email_outbox ORDER BY "createdAt" LIMIT 1`);
  for (const [who, paths] of PAGES) violations.push(...(await visit(browser, who, who === "support" ? [...paths, `/support/outbox/${email.id}`] : paths)));
  expect(violations).toEqual([]);
});

test("[VISITOR] injected markup cannot run script: inline handlers are refused", async ({ page }) => {
  await page.goto("/help");
  // The inline handler would run first, when the image fails; our listener waits for that moment.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        document.body.insertAdjacentHTML("beforeend", `<img id="injected" src="/no-such-image.png" onerror="window.__injected = true">`);
        document.getElementById("injected")!.addEventListener("error", () => setTimeout(resolve), { once: true });
      }),
  );
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true)).toBe(false);
});

test.describe("an email's HTML in the outbox", () => {
  test.use({ storageState: storageStatePath("support") });

  test("[SUPPORT] arrives with its own sandboxing policy on the wire, not the global one", async ({ page }) => {
    const [{ id }] = await queryRows<{ id: string }>(`SELECT id FROM email_outbox ORDER BY "createdAt" LIMIT 1`);
    const response = await page.request.get(`/api/support/outbox/${id}/html`);
    expect(response.status()).toBe(200);
    const policies = response.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
    expect(policies.map((h) => h.value)).toEqual(["sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"]);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });
});
