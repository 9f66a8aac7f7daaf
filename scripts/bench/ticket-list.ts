import pg from "pg";
import type { Db } from "@/lib/db/client";
import { listSupportTickets } from "@/lib/tickets/list-support-tickets";
import { parseTicketQueueParams } from "@/lib/tickets/ticket-queue-params";
import { medianMs, ms, ratio } from "./stats";

const VIEWS: [string, Record<string, string>][] = [
  ["default (most urgent first)", {}],
  ["page 200 of the default view", { page: "200" }],
  ["sort by created, newest first", { sort: "createdAt" }],
  ["sort by account name", { sort: "account" }],
  ["sort by restore date", { sort: "restoreDate", dir: "asc" }],
  ["status: submitted + in review", { status: "SUBMITTED,IN_REVIEW" }],
  ["full restores, unassigned", { method: "FULL", assignee: "unassigned" }],
  ["assigned to me", { assignee: "mine" }],
  ["sort by first response, slowest first", { sort: "firstResponse" }],
  ["all tickets, most urgent first", { view: "all" }],
  ["all tickets by resolution, slowest first", { view: "all", sort: "resolution" }],
  ["search by number RR-050000", { q: "RR-050000" }],
  ["search text 'products list'", { q: "products list" }],
  ["search account 'Logistics 17'", { q: "Logistics 17" }],
];

/** Hand-written SQL of the default view, the reference the Prisma query is compared with. */
const PLAIN_DEFAULT = `
  SELECT t.id, t.number, t.method, t."restoreDate", t.status, t."createdAt", t."closedAt", t."backupExpiresAt", t.version,
         a.name AS account, p.name AS plan, u.id AS assignee_id, u.name AS assignee
  FROM restore_ticket t JOIN account a ON a.id = t."accountId" JOIN plan p ON p.id = a."planId"
  LEFT JOIN app_user u ON u.id = t."assigneeId"
  ORDER BY t."closedAt" DESC NULLS FIRST, t."backupExpiresAt" ASC NULLS LAST, t.number DESC
  LIMIT 25 OFFSET 0`;
const PLAIN_COUNTS = `SELECT status, count(*) FROM restore_ticket GROUP BY status`;
const PLAIN_TOTAL = `SELECT count(*) FROM restore_ticket`;

export async function benchTicketList({ db, url, actorId }: { db: Db; url: string; actorId: string }) {
  const total = await db.restoreTicket.count();
  console.log(`\n## Support ticket list — ${total.toLocaleString("en")} tickets (median of 15, all three queries of a page: rows, total, counts per status)`);
  const results: number[] = [];
  for (const [label, query] of VIEWS) {
    const params = parseTicketQueueParams(query);
    const t = await medianMs(() => listSupportTickets({ db, params, actorId }));
    results.push(t);
    console.log(`  ${label.padEnd(36)} ${ms(t)}`);
  }
  const sorted = [...results].sort((a, b) => a - b);
  console.log(`  median over views ${ms(sorted[Math.floor(sorted.length / 2)])}, slowest ${ms(sorted.at(-1)!)} (target < 50 ms)`);
  // A timer sort against the same view in its indexed default order: what ordering by a computed timer costs.
  const [byResolution, allDefault] = ["all tickets by resolution, slowest first", "all tickets, most urgent first"].map((label) => results[VIEWS.findIndex(([l]) => l === label)]);
  console.log(`  All by resolution ${ms(byResolution)} against All in its default order ${ms(allDefault)}: ratio ${ratio(byResolution, allDefault)}`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const plain = await medianMs(() => Promise.all([client.query(PLAIN_DEFAULT), client.query(PLAIN_TOTAL), client.query(PLAIN_COUNTS)]));
  const prisma = await medianMs(() => listSupportTickets({ db, params: parseTicketQueueParams({}), actorId }));
  console.log(`  default view as plain SQL (pg, same 3 queries) ${ms(plain)}; through Prisma ${ms(prisma)}; ratio ${ratio(prisma, plain)}`);
  const plan = await client.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${PLAIN_DEFAULT}`);
  console.log("  EXPLAIN of the default view:");
  for (const row of plan.rows) console.log(`    ${row["QUERY PLAN"]}`);
  await client.end();
}
