import { expect, test } from "@playwright/test";
import { queryRows } from "./database";
import { DEMO_PASSWORD, storageStatePath, USERS } from "./users";

test.describe("signing in", () => {
  for (const [user, { email, home }] of Object.entries(USERS)) {
    test(`[${user.toUpperCase()}] lands on ${home}`, async ({ page }) => {
      await page.goto("/login");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(new RegExp(`${home}$`));
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    });
  }

  test("[VISITOR] a wrong password and an unknown email get the same refusal", async ({ page }) => {
    await page.goto("/login");
    for (const [email, password] of [
      ["admin@acme.test", "not-the-password"],
      ["nobody@acme.test", DEMO_PASSWORD],
    ]) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is not correct.");
      await expect(page).toHaveURL(/\/login$/);
      // Only the password is typed again.
      await expect(page.getByLabel("Email")).toHaveValue(email);
      await expect(page.getByLabel("Password")).toHaveValue("");
    }
  });

  test("[VISITOR] without JavaScript the form posts, signs in, and the password never appears in a URL", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));
    await page.goto("/login?callbackUrl=%2Frecovery%2Fnew");
    expect(await page.locator("form").getAttribute("method")).toMatch(/^post$/i);
    await page.getByLabel("Email").fill(USERS.acmeAdmin.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("The email or password is not correct.");
    await expect(page.getByLabel("Email")).toHaveValue(USERS.acmeAdmin.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/recovery\/new$/);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(urls.filter((url) => /password|not-the-password|demo-pass/.test(decodeURIComponent(url)))).toEqual([]);
    await context.close();
  });

  test("[VISITOR] is sent to sign-in from a protected page, and back after signing in", async ({ page }) => {
    await page.goto("/recovery");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Frecovery$/);
    await page.getByLabel("Email").fill(USERS.acmeAdmin.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/recovery$/);
  });

  // Each one sent a real browser elsewhere on some site; lib/auth/safe-redirect.test.ts has the full table.
  const HOSTILE_CALLBACKS = [
    "/%09/evil.example",
    "/%0A/evil.example",
    "/%0D/evil.example",
    "/%09%09/evil.example",
    "https%3A%2F%2Fevil.example%2F",
    "%2F%2Fevil.example",
    "%2F%5Cevil.example",
    "%2F%255Cevil.example",
    "/%2F%2Fevil.example",
    "javascript%3Aalert(document.domain)",
    "data%3Atext%2Fhtml%2C%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "http%3A%2F%2Flocalhost%3A3210%40evil.example%2F",
    "/%E2%80%A8/evil.example",
  ];

  test(`[VISITOR] a browser signing in on ${HOSTILE_CALLBACKS.length} hostile callback URLs stays on the app`, async ({ browser }) => {
    test.setTimeout(180_000);
    // This test is about where sign-in lands, not about its rate limit (client-address.spec.ts):
    // it signs in more often than a person would, so the loopback's sign-in counter is reset around it.
    const resetSignInLimit = () => queryRows(`DELETE FROM rate_limit_bucket WHERE key LIKE 'signin:%'`);
    await resetSignInLimit();
    try {
      for (const callback of HOSTILE_CALLBACKS) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const offSite: string[] = [];
        page.on("request", (request) => {
          if (!/^http:\/\/localhost:\d+\//.test(request.url())) offSite.push(request.url());
        });
        await page.route((url) => url.hostname.endsWith("evil.example"), (route) => route.abort());
        await page.goto(`/login?callbackUrl=${callback}`);
        await page.getByLabel("Email").fill(USERS.acmeAdmin.email);
        await page.getByLabel("Password").fill(DEMO_PASSWORD);
        await page.getByRole("button", { name: "Sign in" }).click();
        await expect(page.getByRole("button", { name: "Sign out" }), callback).toBeVisible();
        expect(new URL(page.url()).host, callback).toMatch(/^localhost:\d+$/);
        expect(offSite, callback).toEqual([]);
        await context.close();
      }
    } finally {
      await resetSignInLimit();
    }
  });
});

test.describe("roles", () => {
  test.describe("as the Acme member", () => {
    test.use({ storageState: storageStatePath("acmeMember") });

    test("[ACME MEMBER] cannot open a support page", async ({ page }) => {
      const response = await page.goto("/support/tickets");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    });

    test("[ACME MEMBER] sees why they cannot file a request and who can", async ({ page }) => {
      await page.goto("/recovery");
      await expect(page.getByText("Your account admin is Alicja Nowak")).toBeVisible();
      await expect(page.getByText("admin@acme.test")).toBeVisible();
    });
  });

  test.describe("as a support agent", () => {
    test.use({ storageState: storageStatePath("support") });

    test("[SUPPORT] cannot open the customer pages", async ({ page }) => {
      const response = await page.goto("/recovery");
      expect(response?.status()).toBe(404);
    });
  });
});

test.describe("language", () => {
  test.use({ storageState: storageStatePath("acmeAdmin") });

  test("[ACME ADMIN] switches to Polish and the choice is remembered", async ({ page }) => {
    await page.goto("/recovery");
    await page.getByRole("button", { name: "Polski", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Odzyskiwanie danych" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Odzyskiwanie danych" })).toBeVisible();
    await page.getByRole("button", { name: "English", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Data recovery" })).toBeVisible();
  });

});

test("[VISITOR] a Polish browser gets Polish pages", async ({ browser }) => {
  const context = await browser.newContext({ locale: "pl-PL" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Zaloguj się do Restore Desk" })).toBeVisible();
  await expect(page.getByLabel("Hasło")).toBeVisible();
  // The tab says it too.
  await expect(page).toHaveTitle("Logowanie · Restore Desk");
  await page.goto("/help");
  await expect(page).toHaveTitle("Pomoc · Restore Desk");
  await context.close();
});

// A user of its own: signing out revokes every session of that user.
test("[SUPPORT] signing out ends the session, and the old cookie no longer works", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("agent2@restoredesk.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/support\/tickets$/);
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Replaying the cookie from before sign-out must not bring the session back.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayPage = await replay.newPage();
  await replayPage.goto("/support/tickets");
  await expect(replayPage).toHaveURL(/\/login/);
  await replay.close();
  await context.close();
});

test("[VISITOR] pages cannot be framed or sniffed", async ({ request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("[VISITOR] the browser finds the favicon (no 404 on every page)", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => response.status() === 404 && missing.push(response.url()));
  await page.goto("/login");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /favicon\.ico/);
  const icon = await page.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\//);
  expect(missing).toEqual([]);
});

test.describe("a ticket that does not exist", () => {
  test.use({ storageState: storageStatePath("support") });

  test("[SUPPORT] answers 404 with the not-found page, not 200", async ({ page }) => {
    for (const path of ["/support/tickets/RR-999999", "/support/tickets/RR-0", "/support/tickets/nonsense"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
    // The queue itself still streams in behind its loading skeleton.
    expect((await page.goto("/support/tickets"))?.status()).toBe(200);
  });
});

test("[VISITOR] the language buttons are named by their languages", async ({ page }) => {
  await page.goto("/login");
  const group = page.getByRole("group", { name: "Language" });
  await expect(group.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  await expect(group.getByRole("button", { name: "Polski" })).toHaveAttribute("lang", "pl");
});
