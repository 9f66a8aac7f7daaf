import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { clusterPort } from "../playwright.cluster.config";
import { actionIds, callAction as callActionOn } from "../e2e/server-actions";
import { startCluster, type Cluster } from "./cluster";

// Several servers, proven: 3 web servers (WORKERS=off) and 2 workers on one
// PostgreSQL (Debian's 15 in CI) behind nginx, round robin. Everything goes
// through the balancer; nginx says which server answered (X-Upstream).
test.describe.configure({ mode: "serial" });

const serverUrl = process.env.CLUSTER_DATABASE_URL ?? process.env.SECOND_DATABASE_URL;
let cluster: Cluster;
let support: Page;
/** What the closing note reports. */
const figures: Record<string, unknown> = {};

const ACCOUNT_LOCK = `hashtextextended('account-data:' || $1::text, 0)`;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(600_000);
  if (!serverUrl) throw new Error("Set CLUSTER_DATABASE_URL (or SECOND_DATABASE_URL) to a PostgreSQL server the test may create a database on.");
  cluster = await startCluster({ serverUrl, port: clusterPort });
  const context = await browser.newContext();
  support = await context.newPage();
});

test.afterAll(async () => {
  console.log(`cluster figures: ${JSON.stringify(figures)}`);
  await cluster?.stop("test-results/cluster-logs");
});

const rows = async <T,>(sql: string, params: unknown[] = []) => (await cluster.db.query(sql, params)).rows as T[];
const upstreamOf = (headers: Record<string, string>) => headers["x-upstream"] ?? "";

/** A server action as the browser sends it, through the balancer, and which server answered. */
async function callAction(request: APIRequestContext, id: string, args: unknown[]) {
  const { code, headers } = await callActionOn(request, id, args, { origin: cluster.appUrl });
  return { code, upstream: upstreamOf(headers) };
}

const RUN_RESTORE = () => actionIds().get("app/(support)/support/tickets/[number]/actions.ts#runRestoreAction")!;

/** An approved full restore for one of the demo accounts with restores, its other open request closed (fixture). */
async function approvedFullRestore(accountIndex: number) {
  const [account] = await rows<{ id: string; snapshot: string; taken: Date; requester: string }>(
    `SELECT a.id, s.id AS snapshot, s."takenAt" AS taken, (SELECT u.id FROM app_user u WHERE u."accountId" = a.id ORDER BY u.email LIMIT 1) AS requester
     FROM account a JOIN plan p ON p.id = a."planId"
     JOIN LATERAL (SELECT id, "takenAt" FROM snapshot WHERE "accountId" = a.id AND kind = 'DAILY' ORDER BY "takenAt" DESC OFFSET 1 LIMIT 1) s ON true
     WHERE p."restoreAvailable" AND EXISTS (SELECT 1 FROM app_user u WHERE u."accountId" = a.id)
     ORDER BY a.name OFFSET $1 LIMIT 1`,
    [accountIndex],
  );
  await cluster.db.query(`UPDATE restore_ticket SET status = 'CANCELLED', "openForAccountId" = NULL, "closedAt" = now() WHERE "openForAccountId" = $1`, [account.id]);
  const [ticket] = await rows<{ number: number; version: number }>(
    `INSERT INTO restore_ticket (id, number, "accountId", "requesterId", method, "restoreDate", "snapshotId", description, status, "openForAccountId", "updatedAt")
     VALUES (gen_random_uuid(), 900000 + $4::int, $1, $2, 'FULL', $3::date, $5, 'Cluster test: bring the account back to the day before.', 'APPROVED', $1, now())
     RETURNING number, version`,
    [account.id, account.requester, account.taken, accountIndex, account.snapshot],
  );
  return { accountId: account.id, number: `RR-${String(ticket.number).padStart(6, "0")}`, version: ticket.version };
}

/** Every CRM table of the account: row count and a hash of its rows — equal, unchanged. */
async function accountFingerprint(accountId: string): Promise<string> {
  const tables = await rows<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'accountId' AND table_name LIKE 'crm\\_%' AND table_name NOT LIKE '%\\_version' ORDER BY table_name`,
  );
  const parts = await Promise.all(
    tables.map(async ({ table_name }) => {
      const [row] = await rows<{ n: string; h: string }>(`SELECT count(*)::text AS n, coalesce(sum(hashtext(t::text)::numeric), 0)::text AS h FROM "${table_name}" t WHERE "accountId" = $1`, [accountId]);
      return `${table_name}:${row.n}:${row.h}`;
    }),
  );
  return parts.join(" ");
}

const runsOf = (number: string) =>
  rows<{ id: string; status: string; phase: string }>(`SELECT r.id, r.status, r.phase FROM restore_run r JOIN restore_ticket t ON t.id = r."ticketId" WHERE t.number = $1 ORDER BY r."startedAt"`, [Number(number.slice(3))]);

const TODAY_UTC = `date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`;

test("sign-in and the session work on every server", async () => {
  // The demo accounts have today's backup; three new ones have none: the two workers starting now must take theirs, once.
  await cluster.db.query(
    `INSERT INTO account (id, name, "portalAddress", "planId") SELECT gen_random_uuid(), 'Cluster ' || i, 'cluster-' || i || '.crm.example', (SELECT id FROM plan WHERE code = 'professional') FROM generate_series(1, 3) i`,
  );
  const workers = await Promise.all([cluster.startWorker(), cluster.startWorker()]);
  expect(workers).toHaveLength(2);
  await support.goto("/login");
  await support.getByLabel("Email").fill("lead@restoredesk.test");
  await support.getByLabel("Password").fill("demo-pass-2026");
  await support.getByRole("button", { name: "Sign in" }).click();
  await expect(support).toHaveURL(/\/support\/tickets$/);
  const seen = new Map<string, number>();
  for (let i = 0; i < 9; i++) {
    const response = await support.request.get("/support/tickets", { maxRedirects: 0 });
    expect(response.status(), "signed in on every server (no redirect to the sign-in page)").toBe(200);
    const upstream = upstreamOf(response.headers());
    seen.set(upstream, (seen.get(upstream) ?? 0) + 1);
  }
  figures.sessionRequestsPerServer = Object.fromEntries(seen);
  expect([...seen.keys()].sort()).toEqual(cluster.web.map((w) => `127.0.0.1:${w.port}`).sort());
});

test("the daily backup is taken exactly once per account, however many workers and jobs ask", async () => {
  // Both workers asked at start (one job by its key); five more asks at once, for both workers to run side by side.
  await cluster.db.query(`SELECT graphile_worker.add_job('take-due-snapshots', '{}'::json) FROM generate_series(1, 5)`);
  await expect
    .poll(async () => (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'take-due-snapshots' AND run_at <= now()`))[0].n, { timeout: 120_000 })
    .toBe(0);
  // None failed (a failed one waits for its retry, later).
  expect(await rows(`SELECT last_error FROM graphile_worker.jobs WHERE task_identifier = 'take-due-snapshots' AND last_error IS NOT NULL`)).toEqual([]);
  const perAccount = await rows<{ n: number }>(`SELECT count(s.id)::int AS n FROM account a LEFT JOIN snapshot s ON s."accountId" = a.id AND s.kind = 'DAILY' AND s."takenAt" >= ${TODAY_UTC} GROUP BY a.id`);
  figures.accountsWithTodaysBackup = perAccount.length;
  expect(perAccount.length).toBeGreaterThan(2);
  expect(perAccount.every((r) => r.n === 1), JSON.stringify(perAccount)).toBe(true);
});

test("20 concurrent Run restore clicks spread over the servers start exactly one run; every server sees it live", async () => {
  const ticket = await approvedFullRestore(0);
  const id = RUN_RESTORE();
  const results = await Promise.all(Array.from({ length: 20 }, () => callAction(support.request, id, [{ number: ticket.number, version: ticket.version }])));
  const codes = results.map((r) => r.code);
  figures.runClicks = { ok: codes.filter((c) => c === "OK").length, refused: codes.filter((c) => c !== "OK").length, servers: new Set(results.map((r) => r.upstream)).size };
  expect(codes.filter((c) => c === "OK"), codes.join(",")).toHaveLength(1);
  expect(codes.filter((c) => c !== "OK").every((c) => c === "CONFLICT"), codes.join(",")).toBe(true);
  expect(new Set(results.map((r) => r.upstream)).size).toBe(3);
  expect(await runsOf(ticket.number)).toHaveLength(1);
  // Started on one server, carried out by a worker: the ticket page polls the run through the balancer and ends Completed.
  await support.goto(`/support/tickets/${ticket.number}`);
  await expect(support.getByRole("heading", { level: 1 })).toContainText("Completed", { timeout: 120_000 });
  const [run] = await runsOf(ticket.number);
  expect(run.status).toBe("SUCCEEDED");
  const answeredBy = new Set<string>();
  for (let i = 0; i < 6; i++) {
    const response = await support.request.get(`/api/tickets/${ticket.number}/run`);
    expect(await response.json()).toMatchObject({ run: { status: "SUCCEEDED" } });
    answeredBy.add(upstreamOf(response.headers()));
  }
  expect(answeredBy.size).toBe(3);
});

test("SIGKILL of the worker running a full restore: data untouched, the run failed and retryable within 60 s, the retry completes", async () => {
  // Only a worker that stops at a named point is running when the restore starts.
  for (const w of cluster.workers.splice(0)) {
    w.child.kill("SIGTERM");
    expect(await w.exited, "an idle worker stops at once on SIGTERM").toEqual({ code: 0, signal: null });
  }
  const doomed = await cluster.startWorker({ RD_TEST_FAULT_POINT: "REPLACING:deal" });
  const ticket = await approvedFullRestore(1);
  const before = await accountFingerprint(ticket.accountId);
  expect((await callAction(support.request, RUN_RESTORE(), [{ number: ticket.number, version: ticket.version }])).code).toBe("OK");
  await doomed.until(/fault-point REPLACING:deal/);
  // Live on every server while it runs: the companies and contacts are replaced, in the restore's uncommitted transaction.
  const live = new Map<string, string>();
  for (let i = 0; live.size < 3 && i < 30; i++) {
    const response = await support.request.get(`/api/tickets/${ticket.number}/run`);
    const { run } = await response.json();
    live.set(upstreamOf(response.headers()), `${run.status}/${run.phase}`);
  }
  expect([...live.values()]).toEqual(["RUNNING/REPLACING", "RUNNING/REPLACING", "RUNNING/REPLACING"]);
  const survivor = await cluster.startWorker();
  const killedAt = Date.now();
  doomed.child.kill("SIGKILL");
  await doomed.exited;
  await expect.poll(async () => (await runsOf(ticket.number))[0].status, { timeout: 60_000, intervals: [250] }).toBe("FAILED");
  figures.secondsFromSigkillToFailed = Math.round((Date.now() - killedAt) / 100) / 10;
  expect(await accountFingerprint(ticket.accountId), "nothing partial").toBe(before);
  await support.goto(`/support/tickets/${ticket.number}`);
  await expect(support.getByRole("heading", { level: 1 })).toContainText("Failed");
  // Retry, as a person would: the surviving worker completes it.
  const [{ version }] = await rows<{ version: number }>(`SELECT version FROM restore_ticket WHERE number = $1`, [Number(ticket.number.slice(3))]);
  expect((await callAction(support.request, RUN_RESTORE(), [{ number: ticket.number, version }])).code).toBe("OK");
  await expect.poll(async () => (await runsOf(ticket.number)).map((r) => r.status), { timeout: 120_000 }).toEqual(["FAILED", "SUCCEEDED"]);
  expect(survivor.output()).toContain(`run ${(await runsOf(ticket.number))[1].id} taken by worker ${survivor.child.pid}`);
});

test("SIGTERM of the worker in the middle of a restore: it takes no new job, the restore finishes, then it exits", async () => {
  const [worker] = cluster.workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
  const ticket = await approvedFullRestore(2);
  // A writer holds the account: the restore waits inside its job, visibly RUNNING.
  const holder = cluster.db;
  await holder.query("BEGIN");
  await holder.query(`SELECT pg_advisory_xact_lock_shared(${ACCOUNT_LOCK})`, [ticket.accountId]);
  expect((await callAction(support.request, RUN_RESTORE(), [{ number: ticket.number, version: ticket.version }])).code).toBe("OK");
  const [run] = await runsOf(ticket.number);
  await worker.until(new RegExp(`run ${run.id} taken by worker`));
  worker.child.kill("SIGTERM");
  await worker.until(/SIGTERM, finishing the running jobs/);
  await holder.query("COMMIT");
  expect(await worker.exited).toEqual({ code: 0, signal: null });
  expect((await runsOf(ticket.number))[0].status).toBe("SUCCEEDED");
});

test("every email is sent exactly once", async () => {
  // The workers are gone; one more sends what is left.
  await cluster.startWorker();
  await expect.poll(async () => (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM email_outbox WHERE status = 'PENDING'`))[0].n, { timeout: 60_000 }).toBe(0);
  const sent = await rows<{ id: string }>(`SELECT id FROM email_outbox WHERE status = 'SENT'`);
  const received = cluster.inbox.received.map((m) => m.mail.messageId);
  figures.emails = { sent: sent.length, received: received.length };
  expect(sent.length).toBeGreaterThan(0);
  expect(received.length).toBe(sent.length);
  expect(new Set(received).size).toBe(received.length);
  expect(new Set(received)).toEqual(new Set(sent.map((e) => `<${e.id}@restoredesk>`)));
});
