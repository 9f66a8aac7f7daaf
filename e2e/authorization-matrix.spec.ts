import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import pg from "pg";
import { baseURL } from "../playwright.config";
import { databaseFingerprint, queryRows } from "./database";
import { DEMO_PASSWORD, storageStatePath, type DemoUser } from "./users";
import { actionIds, callAction } from "./server-actions";

// Every server action and route handler of the app, called as raw HTTP
// requests by every kind of caller, with the ids of the caller's own account,
// of another account and of nothing. The list of endpoints is read from the
// code: an endpoint without an entry below fails this test.

type Caller = "anonymous" | "acmeMember" | "acmeAdmin" | "globexAdmin" | "tyrellAdmin" | "support" | "lead";
const CALLERS: Caller[] = ["anonymous", "acmeMember", "acmeAdmin", "globexAdmin", "tyrellAdmin", "support", "lead"];
const SUPPORT: Caller[] = ["support", "lead"];
const ADMINS: Caller[] = ["acmeAdmin", "globexAdmin", "tyrellAdmin"];
const CUSTOMERS: Caller[] = ["acmeMember", ...ADMINS];

// Tyrell's completed CSV restore (demo seed): its admin's own ticket, everyone else's foreign one.
const TYRELL_TICKET = "RR-000008";
const NO_TICKET = "RR-999999";
const STALE = 999_999; // a version no ticket has: an authorised call stops at CONFLICT and changes nothing
const NO_ID = "00000000-0000-4000-8000-000000000000";
const ALL_KINDS = ["TICKET_FILED", "TICKET_ASSIGNED", "INFO_REQUESTED", "REQUESTER_REPLIED", "SUPPORT_REPLIED", "TICKET_APPROVED", "TICKET_REJECTED", "TICKET_CANCELLED", "APPROVAL_WAITING", "RESTORE_STARTED", "RESTORE_COMPLETED", "RESTORE_FAILED", "RESTORE_UNDONE", "UNDO_FAILED", "ACCOUNT_RESTORE_STARTED", "ACCOUNT_RESTORE_FINISHED", "BACKUP_EXPIRING", "LOSS_DETECTED", "LOSS_REMINDER"];
/** An email in the outbox (the demo's seeded notifications have some), read before the matrix runs. */
let outboxEmailId = NO_ID;

type Target = "own" | "foreign" | "none";
type ActionEntry = {
  /** Who gets past authentication and authorisation. */
  allow: Caller[];
  /** Arguments for a target ticket (own = Tyrell's). */
  args: (ticket: string) => unknown[];
  /** Ticket-scoped: customers of other accounts get NOT_FOUND. */
  ticketScoped: boolean;
  /** Allowed callers succeed: it changes only the caller's own settings (checked after the fingerprint). */
  succeeds?: true;
};

const ACTIONS: Record<string, ActionEntry> = {
  // Anyone may try to sign in; a wrong password is refused (VALIDATION) and sets no cookie.
  "app/(auth)/login/actions.ts#signInAction": { allow: ["anonymous", ...CUSTOMERS, ...SUPPORT], args: () => [null, { email: "matrix-probe@nowhere.test", password: "not-a-password" }], ticketScoped: false },
  "app/actions/locale.ts#setLocaleAction": { allow: ["anonymous", ...CUSTOMERS, ...SUPPORT], args: () => [{ locale: "en" }], ticketScoped: false, succeeds: true },
  // Another person's notification id changes nothing: only the caller's own are marked.
  "app/actions/notifications.ts#markNotificationsReadAction": { allow: [...CUSTOMERS, ...SUPPORT], args: () => [{ ids: [NO_ID] }], ticketScoped: false, succeeds: true },
  "app/actions/notifications.ts#markAllNotificationsReadAction": { allow: [...CUSTOMERS, ...SUPPORT], args: () => [{}], ticketScoped: false, succeeds: true },
  // Every kind on: the default, so the probe leaves preferences as the demo has them.
  "app/actions/notifications.ts#saveEmailPreferencesAction": { allow: [...CUSTOMERS, ...SUPPORT], args: () => [null, { email: ALL_KINDS }], ticketScoped: false, succeeds: true },
  "app/(customer)/recovery/new/actions.ts#createRestoreRequestAction": {
    allow: CUSTOMERS,
    // A date with no backup: refused by the domain for everyone allowed, nothing filed.
    args: () => [null, { method: "CSV", restoreDate: "2020-01-01", description: "Authorization matrix probe, never filed.", ackAllUsers: true, ackDataLoss: true, requestKey: "f3f0c0de-0000-4000-8000-000000000001" }],
    ticketScoped: false,
  },
  // What a restore would change, before filing: admins of their own account only; a date with no backup is refused for them.
  "app/(customer)/recovery/new/actions.ts#previewRequestAction": { allow: ADMINS, args: () => [{ method: "FULL", restoreDate: "2020-01-01" }], ticketScoped: false },
  "app/(customer)/recovery/new/actions.ts#listRequestChangesAction": {
    allow: ADMINS,
    args: () => [{ method: "SELECTIVE", restoreDate: "2020-01-01", selection: JSON.stringify({ scope: "TYPES", types: ["contact"], withRelated: true, mode: "MISSING" }), table: "contact", bucket: "bringBack" }],
    ticketScoped: false,
  },
  // No such alert: not found for an admin (another account's alert is not found either: lib/loss-alerts and e2e/loss-alerts).
  "app/(customer)/recovery/actions.ts#dismissLossAlertAction": { allow: ADMINS, args: () => [{ id: NO_ID }], ticketScoped: false },
  "app/(support)/support/settings/loss-detection/actions.ts#saveLossThresholdsAction": {
    allow: SUPPORT,
    // An account that does not exist: refused, nothing saved.
    args: () => [null, { scope: `account:${NO_ID}`, sharePercent: "10", minRecords: "20", anyRecords: "500", productSharePercent: "5", minTypeSize: "20" }],
    ticketScoped: false,
  },
  "app/(support)/support/settings/loss-detection/actions.ts#removeLossThresholdsAction": { allow: SUPPORT, args: () => [{ scope: `plan:${NO_ID}` }], ticketScoped: false },
  // A body with an unknown variable: refused for support too, nothing stored.
  "app/(support)/support/canned-replies/actions.ts#createCannedReplyAction": { allow: SUPPORT, args: () => [null, { locale: "en", title: "Matrix probe", body: "Refused: {{notAVariable}}" }], ticketScoped: false },
  "app/(support)/support/canned-replies/actions.ts#updateCannedReplyAction": { allow: SUPPORT, args: () => [null, { id: NO_ID, locale: "en", title: "Matrix probe", body: "No such reply" }], ticketScoped: false },
  "app/(support)/support/canned-replies/actions.ts#deleteCannedReplyAction": { allow: SUPPORT, args: () => [{ id: NO_ID }], ticketScoped: false },
  "app/(customer)/recovery/[number]/actions.ts#replyAction": { allow: ADMINS, args: (n) => [{ number: n, version: STALE, body: "probe" }], ticketScoped: true },
  "app/(customer)/recovery/[number]/actions.ts#cancelAction": { allow: ADMINS, args: (n) => [{ number: n, version: STALE }], ticketScoped: true },
  "app/(customer)/crm/import/actions.ts#applyImportAction": { allow: ADMINS, args: () => [{ id: NO_ID }], ticketScoped: false },
  "app/(customer)/crm/import/actions.ts#discardImportAction": { allow: ADMINS, args: () => [{ id: NO_ID }], ticketScoped: false },
  "app/(customer)/crm/import/actions.ts#importTicketFileAction": { allow: ADMINS, args: (n) => [{ number: n, mode: "ONLY_MISSING" }], ticketScoped: true },
  "app/(support)/support/tickets/(queue)/actions.ts#bulkAssignAction": { allow: SUPPORT, args: () => [{ ticketIds: [NO_ID], assigneeId: NO_ID }], ticketScoped: false },
  "app/(support)/support/tickets/[number]/actions.ts#assignToMeAction": { allow: SUPPORT, args: (n) => [{ number: n, version: STALE }], ticketScoped: true },
  "app/(support)/support/tickets/[number]/actions.ts#supportTransitionAction": { allow: SUPPORT, args: (n) => [{ number: n, version: STALE, action: "START_REVIEW" }], ticketScoped: true },
  "app/(support)/support/tickets/[number]/actions.ts#approveAction": { allow: SUPPORT, args: (n) => [{ number: n, version: STALE }], ticketScoped: true },
  "app/(support)/support/tickets/[number]/actions.ts#supportMessageAction": { allow: SUPPORT, args: (n) => [{ number: n, version: STALE, body: "probe", visibility: "internal" }], ticketScoped: true },
  "app/(support)/support/tickets/[number]/actions.ts#runRestoreAction": { allow: SUPPORT, args: (n) => [{ number: n, version: STALE }], ticketScoped: true },
  "app/(support)/support/tickets/[number]/actions.ts#undoRestoreAction": { allow: SUPPORT, args: (n) => [{ number: n, version: STALE, reason: "probe" }], ticketScoped: true },
  "app/(support)/support/help/[slug]/edit/actions.ts#saveArticleAction": {
    allow: SUPPORT,
    args: () => [{ slug: "data-backup", baseRevision: STALE, titleEn: "Probe title", titlePl: "Tytuł próbny", bodyEn: "Probe body, long enough to pass.", bodyPl: "Treść próbna, wystarczająco długa." }],
    ticketScoped: false,
  },
};

type RouteEntry = { method: "GET" | "POST"; url: (ticket: string) => string; expect: (caller: Caller, target: Target) => number };
const ROUTES: Record<string, RouteEntry> = {
  "app/api/auth/[...nextauth]/route.ts": { method: "GET", url: () => "/api/auth/csrf", expect: () => 200 }, // next-auth's own endpoints
  "app/api/tickets/[number]/run/route.ts": {
    method: "GET",
    url: (n) => `/api/tickets/${n}/run`,
    expect: (c, t) => (c === "anonymous" ? 401 : t === "none" ? 404 : SUPPORT.includes(c) || (c === "tyrellAdmin" && t === "own") ? 200 : 404),
  },
  "app/api/tickets/[number]/csv/route.ts": {
    method: "GET",
    url: (n) => `/api/tickets/${n}/csv`,
    expect: (c, t) => (c === "anonymous" ? 307 : t === "none" ? 404 : SUPPORT.includes(c) || (c === "tyrellAdmin" && t === "own") ? 200 : 404),
  },
  // Uploads: the ticket is checked before the (empty) file, so other tenants learn nothing; allowed callers are told the file is bad.
  "app/api/tickets/[number]/attachments/route.ts": {
    method: "POST",
    url: (n) => `/api/tickets/${n}/attachments`,
    expect: (c, t) => (c === "anonymous" ? 401 : t === "none" ? 404 : SUPPORT.includes(c) || (c === "tyrellAdmin" && t === "own") ? 400 : 404),
  },
  "app/api/tickets/[number]/attachments/[id]/route.ts": { method: "GET", url: (n) => `/api/tickets/${n}/attachments/${NO_ID}`, expect: (c) => (c === "anonymous" ? 307 : 404) },
  // Presence is staff-only: customers get 404 for every ticket; support's empty body is malformed (400) before any lookup.
  "app/api/tickets/[number]/presence/route.ts": { method: "POST", url: (n) => `/api/tickets/${n}/presence`, expect: (c) => (c === "anonymous" ? 401 : SUPPORT.includes(c) ? 400 : 404) },
  "app/api/support/feedback/export/route.ts": { method: "GET", url: () => "/api/support/feedback/export?article=data-backup", expect: (c) => (SUPPORT.includes(c) ? 200 : 404) },
  "app/api/crm/import/route.ts": { method: "POST", url: () => "/api/crm/import", expect: (c) => (c === "anonymous" ? 401 : ADMINS.includes(c) ? 200 : 403) },
  "app/api/notifications/route.ts": { method: "GET", url: () => "/api/notifications", expect: (c) => (c === "anonymous" ? 401 : 200) },
  "app/api/support/outbox/[id]/html/route.ts": { method: "GET", url: () => `/api/support/outbox/${outboxEmailId}/html`, expect: (c) => (SUPPORT.includes(c) ? 200 : 404) },
  // Public; an empty plain-form vote is refused for everyone and sent back to the help center.
  "app/api/feedback/route.ts": { method: "POST", url: () => "/api/feedback", expect: () => 303 },
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Server actions and route handlers, as found in app/. */
function endpointsInCode() {
  const files = filesUnder("app").map((f) => f.split(path.sep).join("/"));
  const actions = files.flatMap((file) => {
    const source = readFileSync(file, "utf8");
    if (!/^["']use server["']/m.test(source)) return [];
    return [...source.matchAll(/export (?:const (\w+) = defineAction|async function (\w+))/g)].map((m) => `${file}#${m[1] ?? m[2]}`);
  });
  return { actions: actions.sort(), routes: files.filter((f) => f.endsWith("/route.ts")).sort() };
}

async function contextFor(browser: Browser, caller: Caller) {
  if (caller === "anonymous") return browser.newContext();
  if (caller === "tyrellAdmin") {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill("admin@tyrell.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/recovery$/);
    await page.close();
    return context;
  }
  return browser.newContext({ storageState: storageStatePath(caller as DemoUser) });
}

test("every endpoint in the code has an entry in the matrix", () => {
  const { actions, routes } = endpointsInCode();
  expect(actions).toEqual(Object.keys(ACTIONS).sort());
  expect(routes).toEqual(Object.keys(ROUTES).sort());
  const ids = actionIds();
  for (const action of actions) expect(ids.has(action), `${action} in the build's action manifest`).toBe(true);
});

test("only the allowed callers get through, other tenants get 404, and refused calls change nothing", async ({ browser }) => {
  test.setTimeout(180_000);
  outboxEmailId = (await queryRows<{ id: string }>(`SELECT id FROM email_outbox ORDER BY "createdAt" LIMIT 1`))[0].id;
  const ids = actionIds();
  const contexts = new Map<Caller, Awaited<ReturnType<typeof contextFor>>>();
  for (const caller of CALLERS) contexts.set(caller, await contextFor(browser, caller));
  // Tyrell's ticket is its admin's own; support sees every ticket; for anyone else it is another tenant's.
  const kindOf = (caller: Caller, ticket: string): Target => (ticket === NO_TICKET ? "none" : caller === "tyrellAdmin" || SUPPORT.includes(caller) ? "own" : "foreign");
  // Allowed and it stages an import preview (a record): also checked after the fingerprint.
  const OWN_FILE_IMPORT = "app/(customer)/crm/import/actions.ts#importTicketFileAction";

  const before = await databaseFingerprint();
  const unexpected: string[] = [];
  let calls = 0;
  for (const [name, entry] of Object.entries(ACTIONS)) {
    if (entry.succeeds) continue;
    for (const caller of CALLERS) {
      for (const ticket of entry.ticketScoped ? [TYRELL_TICKET, NO_TICKET] : [TYRELL_TICKET]) {
        if (name === OWN_FILE_IMPORT && caller === "tyrellAdmin" && ticket === TYRELL_TICKET) continue;
        const { code } = await callAction(contexts.get(caller)!.request, ids.get(name)!, entry.args(ticket));
        calls++;
        const allowed = entry.allow.includes(caller);
        const authRefusal = code === "UNAUTHENTICATED" || code === "FORBIDDEN";
        if (allowed === authRefusal) unexpected.push(`${name} as ${caller} on ${ticket}: ${code}`);
        if (allowed && entry.ticketScoped && kindOf(caller, ticket) !== "own" && code !== "NOT_FOUND") unexpected.push(`${name} as ${caller} on ${ticket}: ${code}, not NOT_FOUND`);
        if (code === "OK") unexpected.push(`${name} as ${caller} on ${ticket} changed something`);
      }
    }
  }
  for (const [name, entry] of Object.entries(ROUTES)) {
    for (const caller of CALLERS) {
      // An admin's upload is allowed and stages an import record: not part of the fingerprinted calls.
      if (name === "app/api/crm/import/route.ts" && ADMINS.includes(caller)) continue;
      for (const ticket of name.includes("[number]") ? [TYRELL_TICKET, NO_TICKET] : [TYRELL_TICKET]) {
        const request = contexts.get(caller)!.request;
        const response =
          entry.method === "GET"
            ? await request.get(entry.url(ticket), { maxRedirects: 0 })
            : await request.post(entry.url(ticket), { data: "", headers: { Origin: baseURL }, maxRedirects: 0 });
        calls++;
        const expected = entry.expect(caller, kindOf(caller, ticket));
        if (response.status() !== expected) unexpected.push(`${entry.method} ${entry.url(ticket)} as ${caller}: ${response.status()}, expected ${expected}`);
      }
    }
  }
  expect(unexpected).toEqual([]);
  expect(await databaseFingerprint()).toBe(before);

  for (const [name, entry] of Object.entries(ACTIONS).filter(([, e]) => e.succeeds)) {
    for (const caller of CALLERS) {
      const { code } = await callAction(contexts.get(caller)!.request, ids.get(name)!, entry.args(TYRELL_TICKET));
      calls++;
      expect(code, `${name} as ${caller}`).toBe(entry.allow.includes(caller) ? "OK" : "UNAUTHENTICATED");
    }
  }
  expect((await callAction(contexts.get("tyrellAdmin")!.request, ids.get(OWN_FILE_IMPORT)!, ACTIONS[OWN_FILE_IMPORT].args(TYRELL_TICKET))).code).toBe("OK");
  calls++;
  for (const caller of ADMINS) {
    const response = await contexts.get(caller)!.request.post("/api/crm/import", { data: "", headers: { Origin: baseURL }, maxRedirects: 0 });
    calls++;
    expect(response.status(), `upload as ${caller}`).toBe(200);
  }
  console.log(`authorization matrix: ${calls} calls, 0 unexpected`);

  // Cross-site: a post from another origin never runs an action.
  const forged = await contexts.get("support")!.request.post("/", {
    headers: { "Next-Action": ids.get("app/(support)/support/tickets/[number]/actions.ts#approveAction")!, "Content-Type": "text/plain;charset=UTF-8", Origin: "https://evil.example" },
    data: JSON.stringify([{ number: TYRELL_TICKET, version: STALE }]),
  });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(await forged.text()).not.toContain('"ok":');
  for (const context of contexts.values()) await context.close();
});

test.describe("cross-site requests", () => {
  test.use({ storageState: storageStatePath("support") });

  test("[SUPPORT] a page on another origin that auto-submits a form and fetches every action runs none of them", async ({ page }) => {
    const ids = actionIds();
    const client = new pg.Client({ connectionString: `postgres://postgres:postgres@localhost:${Number(process.env.E2E_PORT ?? 3210) + 1000}/restoredesk` });
    await client.connect();
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM restore_ticket WHERE number = 1`);
    // A real, would-change-something call: an internal note on RR-000001 at its current version.
    const note = [{ number: "RR-000001", version: rows[0].version, body: "csrf probe", visibility: "internal" }];
    const before = await databaseFingerprint();
    const results: string[] = [];
    page.on("response", async (response) => {
      if (response.request().method() === "POST" && response.url().startsWith(baseURL)) results.push((await response.text().catch(() => "")).slice(0, 200));
    });
    const evil = "http://evil.example";
    await page.route(`${evil}/**`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><form id="f" method="post" action="${baseURL}/" enctype="text/plain"><input name='[{"number":"RR-000001","x":"' value='"}]'></form>
          <script>
            const ids = ${JSON.stringify([...ids.values()])};
            const note = ${JSON.stringify(JSON.stringify(note))};
            Promise.allSettled(ids.map((id) => fetch("${baseURL}/", { method: "POST", mode: "no-cors", credentials: "include", headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" }, body: note })))
              .then(() => document.getElementById("f").submit());
          </script>`,
      }),
    );
    // The page submits its form once every fetch has settled: that navigation is the end of the attack.
    const submitted = page.waitForRequest((request) => request.isNavigationRequest() && request.method() === "POST" && request.url() === `${baseURL}/`);
    await page.goto(`${evil}/attack`);
    await submitted;
    await page.waitForLoadState("load");
    const { rows: notes } = await client.query(`SELECT 1 FROM ticket_event WHERE body = 'csrf probe'`);
    await client.end();
    expect(notes).toHaveLength(0);
    expect(results.filter((r) => r.includes('"ok":true'))).toEqual([]);
    expect(await databaseFingerprint()).toBe(before);

    // The same call with Origin: null, or with no Origin at all (Next.js itself lets that through), is refused too.
    for (const origin of ["null", undefined]) {
      const response = await page.request.post("/", {
        headers: { "Next-Action": ids.get("app/(support)/support/tickets/[number]/actions.ts#supportMessageAction")!, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...(origin ? { Origin: origin } : {}) },
        data: JSON.stringify(note),
      });
      expect(await response.text(), `Origin ${origin}`).not.toContain('"ok":true');
    }
    expect(await databaseFingerprint()).toBe(before);
  });
});
