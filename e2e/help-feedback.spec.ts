import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./users";

const ARTICLE = "/help/data-backup";

async function revisionId(page: Page) {
  await page.goto(ARTICLE);
  return (await page.locator('#feedback input[name="revisionId"]').first().getAttribute("value"))!;
}

test("[VISITOR] answers No with two reasons and a comment, is thanked, then changes to Yes", async ({ page }) => {
  await page.goto("/help");
  await page.getByRole("searchbox", { name: "Search help" }).fill("30 GB");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Data backup: getting lost data back" }).click();
  await expect(page.getByRole("navigation", { name: "On this page" })).toContainText("Two ways to get your data back");

  await expect(page.getByText("Was this information helpful?")).toBeVisible();
  await page.getByRole("button", { name: "No" }).click();
  await page.getByLabel("This is not what I am looking for").check();
  await page.getByLabel("The article is too short; I need more information").check();
  await page.getByLabel("Anything else? (optional)").fill("<img src=x onerror=alert(1)> e2e: please show an example file");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Thank you for your feedback!" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Lost data? You can ask for it to be restored." })).toBeVisible();

  // The vote survives a reload (the visitor cookie), and can be changed.
  await page.reload();
  await expect(page.getByText("You told us this did not help.")).toBeVisible();
  await page.getByRole("link", { name: "Change my answer" }).click();
  await page.getByRole("button", { name: "Yes" }).click();
  await expect(page.getByText("You found this helpful.")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("[VISITOR] the widget is a plain form: No → reasons → Send → thanks", async ({ page }) => {
    await page.goto(ARTICLE);
    await page.getByRole("button", { name: "No" }).click();
    await expect(page).toHaveURL(/feedback=no/);
    await page.getByLabel("The information is out of date").check();
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page).toHaveURL(/feedback=thanks/);
    await expect(page.getByText("Thank you for your feedback!")).toBeVisible();
  });
});

test("[VISITOR] the Polish page shows Polish reasons", async ({ browser }) => {
  const context = await browser.newContext({ locale: "pl-PL" });
  const page = await context.newPage();
  await page.goto(ARTICLE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kopia zapasowa: jak odzyskać utracone dane");
  await expect(page.getByText("Czy te informacje były pomocne?")).toBeVisible();
  await page.getByRole("button", { name: "Nie" }).click();
  await expect(page.getByLabel("Tekst jest skomplikowany i niezrozumiały")).toBeVisible();
  await expect(page.getByRole("button", { name: "Wyślij" })).toBeVisible();
  await context.close();
});

test("[VISITOR] bad votes are refused with a clear message and change nothing", async ({ page, request }) => {
  const revision = await revisionId(page);
  const post = (data: unknown, headers: Record<string, string> = {}) =>
    request.post("/api/feedback", { data: data as object, headers: { Accept: "application/json", ...headers } });

  const cases: [unknown, number, RegExp][] = [
    [{ revisionId: revision, helpful: "no", reasons: ["DROP_TABLES"] }, 400, /reasons from the list/],
    [{ revisionId: revision, helpful: "yes", reasons: ["TOO_SHORT"] }, 400, /go with a No/],
    [{ revisionId: revision, helpful: "no", comment: "x".repeat(100 * 1024) }, 413, /too long/],
    [{ revisionId: "00000000-0000-4000-8000-000000000000", helpful: "yes" }, 404, /does not exist/],
    [{ helpful: "yes" }, 400, /does not exist/],
    [{}, 400, /./],
  ];
  for (const [data, status, message] of cases) {
    const response = await post(data);
    expect(response.status(), JSON.stringify(data).slice(0, 80)).toBe(status);
    expect((await response.json()).message).toMatch(message);
  }
  const forged = await post({ revisionId: revision, helpful: "yes" }, { Cookie: "rd_visitor=4f1c3c1e-2f7a-4a52-9a1e-0d9f3b0c1a2b.forged-signature" });
  expect(forged.status()).toBe(400);
  expect((await forged.json()).message).toMatch(/damaged feedback cookie/);
  // The rate limit on votes: e2e/client-address.spec.ts.
});

test.describe("support", () => {
  test.use({ storageState: storageStatePath("support") });

  test("[SUPPORT] sees the votes, intervals, charts and comments — a script in a comment stays text", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // A reader's "No" with markup in the comment (the first test changed its own vote to Yes, which clears the comment).
    const revision = await revisionId(page);
    const voted = await page.request.post("/api/feedback", {
      data: { revisionId: revision, helpful: "no", reasons: ["TOO_SHORT"], comment: "<img src=x onerror=alert(1)> e2e: please show an example file" },
      headers: { Accept: "application/json" },
    });
    expect(voted.status()).toBe(200);
    await page.goto("/support/feedback");
    await expect(page.getByRole("heading", { name: "Help feedback" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Votes per revision" })).toContainText("Revision 2");
    await expect(page.getByTestId("helpful-ratio")).toHaveText(/\d+%/);
    await expect(page.getByRole("img", { name: "Votes per week" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Why it did not help" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Recent comments" })).toContainText("<img src=x onerror=alert(1)> e2e: please show an example file");
    expect(dialogs).toEqual([]);
    const csv = await page.request.get("/api/support/feedback/export?article=data-backup");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("e2e: please show an example file");
  });
});

test("[ACME ADMIN and VISITOR] Request data recovery leads the admin to the form and anyone else to sign in", async ({ browser, page }) => {
  await page.goto(ARTICLE);
  await page.getByRole("link", { name: "Request data recovery" }).click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Frecovery%2Fnew/);
  const admin = await browser.newContext({ storageState: storageStatePath("acmeAdmin") });
  const adminPage = await admin.newPage();
  await adminPage.goto(ARTICLE);
  await adminPage.getByRole("link", { name: "Request data recovery" }).click();
  await expect(adminPage).toHaveURL(/\/recovery\/new$/);
  await admin.close();
});

test.describe("editing", () => {
  test.use({ storageState: storageStatePath("support") });

  test("[SUPPORT] edits an article in markdown with a preview; saving publishes the next revision", async ({ page }) => {
    await page.goto("/help/restore-request-status");
    await expect(page.getByText("Revision 1")).toBeVisible();
    await page.getByRole("link", { name: "Edit article" }).click();
    await page.getByLabel("Title").fill("What each status of a restore request means");
    const body = page.getByLabel("Text (markdown)");
    await body.fill(`${await body.inputValue()}\n\n## Still unsure?\n\nWrite to support from the request page. <script>alert(1)</script>`);
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview.getByRole("heading", { name: "Still unsure?" })).toBeVisible();
    await expect(preview).toContainText("<script>alert(1)</script>");
    await page.getByRole("button", { name: "Publish new revision" }).click();
    await expect(page).toHaveURL(/\/help\/restore-request-status$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("What each status of a restore request means");
    await expect(page.getByText("Revision 2")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "On this page" })).toContainText("Still unsure?");
  });
});
