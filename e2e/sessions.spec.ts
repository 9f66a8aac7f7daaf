import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD } from "./users";

const db = () => new pg.Client({ connectionString: `postgres://postgres:postgres@localhost:${Number(process.env.E2E_PORT ?? 3210) + 1000}/restoredesk` });
const AGENT = "agent2@restoredesk.test";

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(AGENT);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/support\/tickets$/);
}

/** What next-auth's own endpoint answers for the browser's cookie: the user it names, and whether it re-issued the cookie. */
async function nextAuthSession(request: APIRequestContext) {
  const response = await request.get("/api/auth/session");
  expect(response.status()).toBeLessThan(500);
  const renewed = response.headersArray().some((h) => h.name.toLowerCase() === "set-cookie" && /next-auth\.session-token=[^;]+/.test(h.value) && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(h.value));
  return { body: await response.json(), renewed };
}

test("[SUPPORT] a role change or a disabled account ends the session on the next request; the cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  const client = db();
  await client.connect();
  try {
    await signIn(page);
    const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    const live = await nextAuthSession(page.request);
    expect(live.body.user?.email).toBe(AGENT);

    // Promoted to lead: the old session (an agent's) is refused everywhere — next-auth's own
    // endpoint names nobody and issues no fresh cookie; signing in again gives the new role.
    const agentCookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
    await client.query(`UPDATE app_user SET "isLead" = true WHERE email = $1`, [AGENT]);
    expect(await nextAuthSession(page.request)).toEqual({ body: {}, renewed: false });
    await context.addCookies([agentCookie]);
    await page.goto("/support/tickets");
    await expect(page).toHaveURL(/\/login/);
    await signIn(page);
    await expect(page.getByRole("banner")).toContainText("Support lead");

    // Disabled: refused at once, and re-enabling does not bring the old session back.
    const before = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
    await client.query(`UPDATE app_user SET "disabledAt" = now() WHERE email = $1`, [AGENT]);
    await page.goto("/support/tickets");
    await expect(page).toHaveURL(/\/login/);
    await client.query(`UPDATE app_user SET "disabledAt" = NULL WHERE email = $1`, [AGENT]);
    await context.addCookies([before]);
    expect(await nextAuthSession(page.request)).toEqual({ body: {}, renewed: false });
    await context.addCookies([before]);
    await page.goto("/support/tickets");
    await expect(page).toHaveURL(/\/login/);

    // Signed out: the copied cookie gets nothing from next-auth's endpoint either.
    await signIn(page);
    const current = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await context.addCookies([current]);
    expect(await nextAuthSession(page.request)).toEqual({ body: {}, renewed: false });
  } finally {
    await client.query(`UPDATE app_user SET "isLead" = false, "disabledAt" = NULL WHERE email = $1`, [AGENT]);
    await client.end();
  }
});
