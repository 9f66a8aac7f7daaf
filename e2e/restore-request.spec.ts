import { expect, test, type Page } from "@playwright/test";
import en from "../messages/en.json";
import pl from "../messages/pl.json";
import { queryRows } from "./database";
import { cancelIfOpen, expectNoSidewaysScrolling, fillRequest, openAcmeRequest } from "./flows";
import { storageStatePath } from "./users";

const TICKET = /RR-\d{6}/;

async function cancelOpenRequest(page: Page) {
  await page.getByRole("button", { name: "Cancel request" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel request" }).click();
  await expect(page.getByText("Cancelled").first()).toBeVisible();
}

test.describe("the Acme admin", () => {
  test.use({ storageState: storageStatePath("acmeAdmin") });
  // Each test files and cancels its own request; one that fails half-way must not leave it open for the next.
  test.afterEach(async ({ browser }) => {
    const open = await openAcmeRequest();
    if (open) await cancelIfOpen(browser, open);
  });

  test("[ACME ADMIN] files a CSV request, follows it, replies and cancels it", async ({ page }) => {
    await fillRequest(page, { method: "CSV file", description: "About 400 contacts of our Kraków clients disappeared yesterday." });
    await page.getByRole("button", { name: "Submit request" }).click();
    await expect(page).toHaveURL(/\/recovery\/RR-\d{6}\?filed=1$/);
    const number = page.url().match(TICKET)![0];
    await expect(page.getByText(`Request ${number} submitted`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Submitted");

    await page.goto("/recovery");
    // In the list (the loss banner links the open request too).
    await expect(page.getByRole("table").getByRole("link", { name: number })).toBeVisible();
    await page.getByRole("table").getByRole("link", { name: number }).click();

    await page.getByLabel("Reply to support").fill("We also lost their deals, if that matters.");
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByRole("list", { name: "Timeline" })).toContainText("We also lost their deals, if that matters.");

    await cancelOpenRequest(page);
    await expect(page.getByRole("button", { name: "Cancel request" })).toHaveCount(0);
  });

  test("[ACME ADMIN] files a full restore after the unmistakable warning; a double click makes one ticket", async ({ page }) => {
    await fillRequest(page, { method: "Full restore", description: "Two custom fields and 30 products were deleted by a sync script." });
    await expect(page.getByText("A full restore overwrites your whole account")).toBeVisible();
    await page.getByRole("button", { name: "Submit request" }).dblclick();
    await expect(page).toHaveURL(/\/recovery\/RR-\d{6}\?filed=1$/);
    await page.goto("/recovery");
    await expect(page.getByRole("table").getByText("Submitted")).toHaveCount(1);
    await page.getByRole("table").getByRole("link").first().click();
    await cancelOpenRequest(page);
  });

  test("[ACME ADMIN] sees errors beside the fields and nothing is filed", async ({ page }) => {
    await page.goto("/recovery/new");
    await page.getByRole("button", { name: "Submit request" }).click();
    await expect(page.getByText("Choose how the data should be restored.")).toBeVisible();
    await expect(page.getByText("Choose the date to restore to.")).toBeVisible();
    await expect(page.getByText(/Describe what was lost in at least 20 characters/)).toBeVisible();
    await expect(page.getByText("Please confirm that you understand the restore affects all users.")).toBeVisible();
    await expect(page).toHaveURL(/\/recovery\/new$/);
  });

  test("[ACME ADMIN] the list of requests fits a laptop and a phone in English and Polish: a table, then cards, neither scrolling sideways", async ({ browser }) => {
    const [{ n: requests }] = await queryRows<{ n: number }>(`SELECT count(*)::int AS n FROM restore_ticket t JOIN account a ON a.id = t."accountId" WHERE a."portalAddress" = 'acme.crm.example'`);
    expect(requests, "the tests above filed Acme's requests").toBeGreaterThan(0);
    // The newest 100 are listed.
    const shown = Math.min(requests, 100);
    for (const locale of ["en", "pl"] as const) {
      for (const viewport of [{ width: 1366, height: 850 }, { width: 390, height: 844 }]) {
        const context = await browser.newContext({ storageState: storageStatePath("acmeAdmin"), viewport });
        await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: test.info().project.use.baseURL! }]);
        const page = await context.newPage();
        await page.goto("/recovery");
        const where = `/recovery in ${locale} at ${viewport.width} px`;
        if (viewport.width < 768) {
          await expect(page.getByRole("table"), where).toHaveCount(0);
          await expect(page.getByRole("list", { name: (locale === "en" ? en : pl).recovery.listTitle }).getByRole("listitem"), where).toHaveCount(shown);
        } else {
          await expect(page.getByRole("table").getByRole("row"), where).toHaveCount(shown + 1);
        }
        await expectNoSidewaysScrolling(page, where, { tableFits: true });
        await context.close();
      }
    }
  });

  test("[ACME ADMIN] cannot see another account's ticket (404)", async ({ page }) => {
    const response = await page.goto("/recovery/RR-000001");
    expect(response?.status()).toBe(404);
    await expect(page.getByText("Umbrella")).toHaveCount(0);
  });
});

test.describe("eligibility", () => {
  test.describe("Globex", () => {
    test.use({ storageState: storageStatePath("globexAdmin") });
    test("[GLOBEX ADMIN] sees that the Basic plan has no restore, and no form", async ({ page }) => {
      await page.goto("/recovery/new");
      await expect(page.getByText("Your Basic plan does not include restores")).toBeVisible();
      await expect(page.getByRole("link", { name: "Compare plans" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Submit request" })).toHaveCount(0);
    });
  });

  test.describe("Initech", () => {
    test.use({ storageState: storageStatePath("initechAdmin") });
    test("[INITECH ADMIN] can only choose a full restore: CSV is disabled with the reason", async ({ page }) => {
      await page.goto("/recovery/new");
      const group = page.getByRole("radiogroup", { name: "Restore method" });
      await expect(group.getByLabel("CSV file")).toBeDisabled();
      await expect(group).toContainText("Not available: your database is larger than 30 GB.");
      await expect(group.getByLabel("Full restore")).toBeChecked();
    });
  });

  test.describe("Acme member", () => {
    test.use({ storageState: storageStatePath("acmeMember") });
    test("[ACME MEMBER] is told who can file, and gets no form", async ({ page }) => {
      await page.goto("/recovery/new");
      await expect(page.getByText("Only the account admin can request a restore")).toBeVisible();
      await expect(page.getByText(/account admin, Alicja Nowak/)).toBeVisible();
      await expect(page.getByRole("button", { name: "Submit request" })).toHaveCount(0);
    });
    test("[ACME MEMBER] cannot open the admin's ticket pages", async ({ page }) => {
      const response = await page.goto("/recovery/RR-000001");
      expect(response?.status()).toBe(404);
    });
  });
});
