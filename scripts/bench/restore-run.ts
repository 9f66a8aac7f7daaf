import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Db } from "@/lib/db/client";
import { ACCOUNT_TABLE_KEYS, ACCOUNT_TABLES, columnList, quoteIdent, versionsAt } from "@/lib/account-data/tables";
import { planSnapshotExport } from "@/lib/restore/csv-export";
import { executeRun } from "@/lib/restore/execute-run";
import { startRestoreRun } from "@/lib/restore/start-run";
import { applyDailyChurn } from "@/lib/seed/account-history";
import { scaleCounts } from "@/lib/seed/seed-demo";
import { createRestoreRequest } from "@/lib/tickets/create-restore-request";
import { dateInTimeZone } from "@/lib/tickets/eligibility";
import { transitionTicket } from "@/lib/tickets/transition-ticket";
import type { TicketActor } from "@/lib/tickets/ticket-actor";
import type { RestoreMethod } from "@/lib/generated/prisma/enums";
import { rewritesExistingData, type Selection } from "@/lib/selective-restore/selection";
import { ensureScaleAccount } from "./restore-preview";
import { ms, ratio } from "./stats";

export type Ctx = { db: Db; url: string; accountId: string; snapshotId: string; storageRoot: string; agent: TicketActor; lead: TicketActor; admin: TicketActor };

/** A request on the scale account, reviewed and approved through the app's own rules. */
export async function approvedTicket(ctx: Ctx, method: RestoreMethod, selection?: Selection) {
  const snapshot = await ctx.db.snapshot.findUniqueOrThrow({ where: { id: ctx.snapshotId }, include: { account: true } });
  const { number } = await createRestoreRequest({
    db: ctx.db,
    actor: { id: ctx.admin.id!, role: "ACCOUNT_ADMIN", accountId: ctx.accountId },
    input: { method, selection, restoreDate: dateInTimeZone(snapshot.takenAt, snapshot.account.timeZone), description: "Benchmark restore of the scale account.", ackAllUsers: true, ackDataLoss: true, requestKey: crypto.randomUUID() },
  });
  const ticket = await ctx.db.restoreTicket.findUniqueOrThrow({ where: { number } });
  const steps: [Parameters<typeof transitionTicket>[0]["action"], TicketActor][] =
    rewritesExistingData(method, selection ?? null) ? [["START_REVIEW", ctx.agent], ["REQUEST_APPROVAL", ctx.agent], ["APPROVE", ctx.lead]] : [["START_REVIEW", ctx.agent], ["APPROVE", ctx.agent]];
  for (const [action, actor] of steps) await ctx.db.$transaction((tx) => transitionTicket({ tx, ticketId: ticket.id, action, actor }));
  return ctx.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } });
}

/** Runs a ticket through the app's runner (start → worker) and returns the run and its wall time. */
export async function runThroughApp(ctx: Ctx, method: RestoreMethod, selection?: Selection) {
  const ticket = await approvedTicket(ctx, method, selection);
  const started = performance.now();
  const { runId } = await startRestoreRun({ db: ctx.db, actor: ctx.agent, number: ticket.number, expectedVersion: ticket.version });
  await executeRun({ db: ctx.db, databaseUrl: ctx.url, storageRoot: ctx.storageRoot }, runId);
  const elapsed = performance.now() - started;
  const run = await ctx.db.restoreRun.findUniqueOrThrow({ where: { id: runId }, include: { csvFile: true } });
  if (run.status !== "SUCCEEDED") throw new Error(`benchmark run failed: ${run.error}`);
  return { run, elapsed };
}

/**
 * The hand-written reference, in one transaction: DELETE + INSERT … SELECT
 * of the whole account per table, from the snapshot's rows — no safety
 * snapshot, counts, checksums or verification.
 */
async function handWrittenRestore(ctx: Ctx): Promise<number> {
  const { seq } = await ctx.db.snapshot.findUniqueOrThrow({ where: { id: ctx.snapshotId } });
  const started = performance.now();
  await ctx.db.$transaction(
    async (tx) => {
      for (const table of ACCOUNT_TABLES) {
        await tx.$executeRawUnsafe(`DELETE FROM ${quoteIdent(table.table)} WHERE "accountId" = $1::uuid`, ctx.accountId);
        await tx.$executeRawUnsafe(
          `INSERT INTO ${quoteIdent(table.table)} ("accountId", ${columnList(table)}) SELECT s."accountId", ${columnList(table, "s")} FROM ${quoteIdent(table.versionTable)} s WHERE ${versionsAt("s", "$1::uuid", "$2")}`,
          ctx.accountId,
          seq,
        );
      }
    },
    { timeout: 60 * 60 * 1000 },
  );
  return performance.now() - started;
}

/**
 * Takes back the account's latest snapshot (a benchmark's safety snapshot):
 * its new versions go, the versions it closed are open again.
 */
export async function dropLatestSnapshot(db: Db, snapshotId: string) {
  await db.$transaction(
    async (tx) => {
      const snapshot = await tx.snapshot.findUniqueOrThrow({ where: { id: snapshotId } });
      const newer = await tx.snapshot.count({ where: { accountId: snapshot.accountId, seq: { gt: snapshot.seq } } });
      if (newer) throw new Error("only the latest snapshot can be taken back");
      for (const table of ACCOUNT_TABLES) {
        const ver = quoteIdent(table.versionTable);
        await tx.$executeRawUnsafe(`DELETE FROM ${ver} WHERE "accountId" = $1::uuid AND "validFrom" = $2`, snapshot.accountId, snapshot.seq);
        await tx.$executeRawUnsafe(`UPDATE ${ver} SET "validTo" = NULL WHERE "accountId" = $1::uuid AND "validTo" = $2`, snapshot.accountId, snapshot.seq);
      }
      await tx.snapshot.delete({ where: { id: snapshotId } });
    },
    { timeout: 10 * 60 * 1000 },
  );
}

/** PostgreSQL's own `COPY (SELECT …) TO STDOUT WITH CSV` of the same rows and columns, to a file. */
async function copyReference(url: string, snapshotId: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    const plan = await planSnapshotExport(client, snapshotId);
    const started = performance.now();
    await pipeline(async function* () {
      for (const [i, query] of plan.queries.entries()) yield* client.query(copyTo(`COPY (${query.sql}) TO STDOUT WITH (FORMAT csv${i === 0 ? ", HEADER" : ""})`));
    }, createWriteStream(file));
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const perSecond = (rows: number, msTaken: number) => `${Math.round(rows / (msTaken / 1000)).toLocaleString("en")} rows/s`;

/**
 * Issue 5's figures: a CSV restore against COPY, and a full restore (safety
 * snapshot + replace + verify, through the app's runner) against the
 * hand-written DELETE + INSERT … SELECT — side by side, same account, same run.
 */
/** The scale account and the people who act on it in the benchmarks. */
export async function scaleContext(db: Db, url: string, crmRows: number): Promise<Ctx> {
  const { accountId, snapshotId } = await ensureScaleAccount(db, crmRows);
  const user = async (email: string, role: TicketActor["role"]): Promise<TicketActor> => ({ id: (await db.user.findUniqueOrThrow({ where: { email } })).id, role, accountId: null });
  const account = await db.account.findUniqueOrThrow({ where: { id: accountId } });
  const storageRoot = mkdtempSync(path.join(tmpdir(), "rd-bench-"));
  return {
    db,
    url,
    accountId,
    snapshotId,
    storageRoot,
    agent: await user("support@restoredesk.test", "SUPPORT_AGENT"),
    lead: await user("lead@restoredesk.test", "SUPPORT_LEAD"),
    admin: { id: account.ownerId!, role: "ACCOUNT_ADMIN", accountId },
  };
}

/** A full restore of the scale account through the app's runner (after a day of drift); resolves with its wall time. */
export async function fullRestoreOfScaleAccount(ctx: Ctx, crmRows: number): Promise<number> {
  const counts = scaleCounts(crmRows);
  const next = Object.fromEntries(ACCOUNT_TABLE_KEYS.map((k) => [k, counts[k] * 2])) as typeof counts;
  await applyDailyChurn(ctx.db, ctx.accountId, next, [new Date(Date.now() - 3_600_000), new Date()], `bench-load-${Date.now()}`);
  const full = await runThroughApp(ctx, "FULL");
  await dropLatestSnapshot(ctx.db, full.run.safetySnapshotId!);
  return full.elapsed;
}

export async function benchRestoreRuns(db: Db, url: string, crmRows: number) {
  console.log(`\n## Restore runs — scale account`);
  const ctx = await scaleContext(db, url, crmRows);
  const { accountId, snapshotId, storageRoot } = ctx;
  try {
    // CSV: the app's export (cursor → csv-stringify → file, hashed) vs COPY to a file.
    const copyMs = await copyReference(url, snapshotId, path.join(storageRoot, "copy-reference.csv"));
    const csv = await runThroughApp(ctx, "CSV");
    // The export again in a fresh process: its peak memory is the export's own.
    const child = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/bench/csv-export-child.ts", url, snapshotId, path.join(storageRoot, "child.csv")], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`the export process failed: ${child.stderr.slice(-2000)}`);
    const alone = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { elapsed: number; rows: number; rssAtStart: number; maxRss: number };
    const csvRows = Object.values(csv.run.csvFile!.rowCounts as Record<string, number>).reduce((a, b) => a + b, 0);
    console.log(`  CSV restore of ${csvRows.toLocaleString("en")} CRM items    ${ms(csv.elapsed)} (${perSecond(csvRows, csv.elapsed)}), ${mb(Number(csv.run.csvFile!.sizeBytes))} file`);
    console.log(`  COPY (SELECT …) TO STDOUT WITH CSV   ${ms(copyMs)} (${perSecond(csvRows, copyMs)}); ratio ${ratio(csv.elapsed, copyMs)} (target ≤ 2×)`);
    console.log(`  the export alone in a fresh process   ${ms(alone.elapsed)}; peak RSS ${mb(alone.maxRss)} (${mb(alone.rssAtStart)} once loaded; target < 300 MB)`);

    // Full restore: each side starts from a day of drift away from the snapshot.
    const counts = scaleCounts(crmRows);
    const next = Object.fromEntries(ACCOUNT_TABLE_KEYS.map((k) => [k, counts[k] * 2])) as typeof counts;
    let salt = 0;
    const drift = () => applyDailyChurn(db, accountId, next, [new Date(Date.now() - 3_600_000), new Date()], `bench-run-${Date.now()}-${salt++}`);
    const ours: number[] = [];
    const reference: number[] = [];
    let rows = 0;
    let changed = 0;
    for (let round = 0; round < 2; round++) {
      await drift();
      reference.push(await handWrittenRestore(ctx));
      await drift();
      const full = await runThroughApp(ctx, "FULL");
      ours.push(full.elapsed);
      const figures = full.run.figures as { rows: number; deleted: number; inserted: number };
      rows = figures.rows;
      changed = figures.deleted + figures.inserted;
      await dropLatestSnapshot(db, full.run.safetySnapshotId!);
    }
    const best = (values: number[]) => Math.min(...values);
    console.log(`  rows in the account                   ${rows.toLocaleString("en")} (a day of drift: ${changed.toLocaleString("en")} rows removed or written back)`);
    const all = (values: number[]) => values.map((n) => Math.round(n)).join(", ");
    console.log(`  full restore (app runner)             ${ms(best(ours))} (${perSecond(rows, best(ours))}) — safety snapshot + replace + verify, one transaction`);
    console.log(`  hand-written DELETE + INSERT … SELECT of the whole account ${ms(best(reference))}; ratio ${ratio(best(ours), best(reference))} (target ≤ 0.6×)`);
    console.log(`    (best of 2 each; all runs: app ${all(ours)} ms; delete+insert ${all(reference)} ms)`);
  } finally {
    rmSync(storageRoot, { recursive: true, force: true });
  }
}
