import "server-only";
import pg from "pg";
import { lockAccountBesideWriters, lockAccountForRestore } from "@/lib/account-data/account-lock";
import type { Db } from "@/lib/db/client";
import type { Prisma, RestoreRun } from "@/lib/generated/prisma/client";
import { exportSnapshotCsv } from "@/lib/restore/csv-export";
import { restoreAccountFromSnapshot, type PhaseSummary } from "@/lib/restore/restore-account-from-snapshot";
import { restoreSelection } from "@/lib/selective-restore/restore-selection";
import { parseSelection, rewritesExistingData, type Selection } from "@/lib/selective-restore/selection";
import { csvFileName } from "@/lib/csv/csv-format";
import { describeFailure, recordRunFailure, recordRunPhase, recordRunSuccess, RunFailedError } from "@/lib/restore/run-outcome";
import { holdRunLockForTransaction, RUN_LOCK_KEY_SQL } from "@/lib/restore/run-lock";
import { createProgressReporter, type ProgressReporter, type RunProgressUpdate } from "@/lib/restore/run-progress";
import { DEFAULT_RETENTION_DAYS, expiresAt } from "@/lib/retention/retention";
import { checksumRowCount, type TableChecksums } from "@/lib/snapshots/checksum";
import { createPendingFile, removeStoredFile } from "@/lib/storage/file-storage";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import { reachFaultPoint } from "@/lib/faults/reach-fault-point";

export type RunEnvironment = {
  db: Db;
  /** The export streams on a connection of its own. */
  databaseUrl: string;
  storageRoot: string;
};

// Explicit and long: a million-row account on a small machine, with room.
const RESTORE_TIMEOUT_MS = 60 * 60 * 1000;
const LOCK_WAIT = "5min";

/** The run was given up on (marked failed) before its worker got to it: do nothing. */
class RunNoLongerRunning extends Error {}

async function loadSource(db: Pick<Db, "snapshot">, snapshotId: string | null) {
  const source = snapshotId ? await db.snapshot.findUnique({ where: { id: snapshotId } }) : null;
  if (!source) throw new RunFailedError({ reason: "SNAPSHOT_GONE" });
  return source;
}

/** A restore run's data work: the whole account (a full restore or its undo) or a selection (a selective restore or its undo). */
async function selectionOfRun(db: Db, run: RestoreRun): Promise<Selection | null> {
  let restoreKind = run.kind;
  if (run.kind === "UNDO" && run.undoOfRunId) restoreKind = (await db.restoreRun.findUniqueOrThrow({ where: { id: run.undoOfRunId }, select: { kind: true } })).kind;
  if (restoreKind !== "SELECTIVE_RESTORE") return null;
  const ticket = await db.restoreTicket.findUniqueOrThrow({ where: { id: run.ticketId }, select: { selection: true } });
  const selection = parseSelection(ticket.selection);
  if (!selection) throw new RunFailedError({ reason: "UNEXPECTED", detail: "The ticket's selection does not parse" });
  // An undo puts the chosen data back exactly as the safety snapshot had it.
  return run.kind === "UNDO" ? { ...selection, mode: "EXACT" } : selection;
}

async function runRestore(env: RunEnvironment, run: RestoreRun, progress: ProgressReporter) {
  const selection = await selectionOfRun(env.db, run);
  await env.db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = '${RESTORE_TIMEOUT_MS}ms'`);
      await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`);
      // A full restore is bulk set work only: a nested loop (chosen on stale
      // statistics right after a big load) can turn a seconds-long anti-join
      // into minutes. A selective restore looks up the few rows that can differ by id.
      if (!selection) await tx.$executeRawUnsafe(`SET LOCAL enable_nestloop = off`);
      await holdRunLockForTransaction(tx, run.id);
      // Bringing deleted records back changes nothing that exists: the account's users keep working meanwhile.
      if (selection && !rewritesExistingData("SELECTIVE", selection)) await lockAccountBesideWriters(tx, run.accountId);
      else await lockAccountForRestore(tx, run.accountId);
      const current = await tx.restoreRun.findUniqueOrThrow({ where: { id: run.id }, select: { status: true } });
      if (current.status !== "RUNNING") throw new RunNoLongerRunning();

      const source = await loadSource(tx, run.sourceSnapshotId);
      const startedAt = Date.now();
      // Every progress point is a fault point, `<phase>:<table>` (e.g. `REPLACING:contact`: the tables before it replaced).
      const report = async (update: RunProgressUpdate) => {
        await reachFaultPoint(`${update.phase}:${update.table ?? ""}`);
        return progress.report(update);
      };
      const onPhaseDone = (summary: PhaseSummary) => recordRunPhase(tx, run, summary);
      let figures: Prisma.InputJsonValue;
      let safetySnapshotId: string;
      let rows: number;
      if (selection) {
        const result = await restoreSelection(tx, {
          accountId: run.accountId,
          source: { seq: source.seq, rowCounts: source.rowCounts as Record<string, number> },
          selection,
          onProgress: report,
          onPhaseDone,
        });
        const tables = Object.values(result.tables);
        const deleted = tables.reduce((n, t) => n + t.reverted + t.removed, 0);
        const inserted = tables.reduce((n, t) => n + t.broughtBack + t.reverted, 0);
        rows = inserted;
        figures = { deleted, inserted, rows, tables: result.tables, emptiedLinks: result.emptiedLinks, emptiedLinkCount: result.emptiedLinkCount, mode: selection.mode };
        safetySnapshotId = result.safetySnapshotId;
      } else {
        const result = await restoreAccountFromSnapshot(tx, {
          accountId: run.accountId,
          source: { id: source.id, seq: source.seq, checksums: source.checksums as TableChecksums, sizeBytes: source.sizeBytes },
          onProgress: report,
          onPhaseDone,
        });
        const totals = Object.values(result.tables).reduce(
          (sum, t) => ({ deleted: sum.deleted + t.deleted, inserted: sum.inserted + t.inserted, rows: sum.rows + t.rows }),
          { deleted: 0, inserted: 0, rows: 0 },
        );
        rows = totals.rows;
        figures = { ...totals, tables: result.tables };
        safetySnapshotId = result.safetySnapshotId;
      }
      await report({ phase: "FINISHING", table: null, rowsDone: rows, rowsTotal: rows });
      // No progress write may be in flight once this transaction touches the run's row.
      await progress.stop();
      await recordRunSuccess(tx, run, {
        figures: { ...(figures as object), sourceSnapshotId: source.id, seconds: Math.round((Date.now() - startedAt) / 100) / 10 },
        safetySnapshotId,
      });
      await reachFaultPoint("BEFORE_COMMIT");
    },
    { timeout: RESTORE_TIMEOUT_MS, maxWait: 60_000 },
  );
  // The run's outcome commits with the data: there is no "committed but not yet marked".
  await reachFaultPoint("AFTER_COMMIT");
}

async function runCsvExport(env: RunEnvironment, run: RestoreRun, progress: ProgressReporter) {
  const client = new pg.Client({ connectionString: env.databaseUrl, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    // Held while this connection lives: a crash releases it (see run-lock.ts).
    await client.query(`SELECT pg_advisory_lock(${RUN_LOCK_KEY_SQL})`, [run.id]);
    const { rows } = await client.query<{ status: string }>(`SELECT status FROM restore_run WHERE id = $1::uuid`, [run.id]);
    if (rows[0]?.status !== "RUNNING") throw new RunNoLongerRunning();

    const source = await loadSource(env.db, run.sourceSnapshotId);
    const ticket = await env.db.restoreTicket.findUniqueOrThrow({ where: { id: run.ticketId }, include: { account: { select: { portalAddress: true } } } });
    const counts = source.checksums as TableChecksums;
    const rowsTotal = checksumRowCount(counts.company) + checksumRowCount(counts.contact) + checksumRowCount(counts.deal) + checksumRowCount(counts.lead);
    await progress.report({ phase: "EXPORTING", table: null, rowsDone: 0, rowsTotal });

    const storagePath = `csv/${run.accountId}/${run.id}.csv`;
    const file = await createPendingFile(env.storageRoot, storagePath);
    try {
      const result = await exportSnapshotCsv({
        client,
        snapshotId: source.id,
        out: file.stream,
        onRows: (rowsDone) => progress.update({ phase: "EXPORTING", table: null, rowsDone, rowsTotal }),
      });
      await file.commit();
      await progress.stop();
      await recordCsvFile(env, run, ticket, storagePath, result);
    } catch (error) {
      // No file without its record: whatever was written goes.
      await file.discard();
      await removeStoredFile(env.storageRoot, storagePath);
      throw error;
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The file's record and the run's success, together. */
async function recordCsvFile(
  env: RunEnvironment,
  run: RestoreRun,
  ticket: { number: number; restoreDate: Date; account: { portalAddress: string } },
  storagePath: string,
  result: Awaited<ReturnType<typeof exportSnapshotCsv>>,
) {
  const fileName = csvFileName(ticket.account.portalAddress, formatTicketNumber(ticket.number), ticket.restoreDate.toISOString().slice(0, 10));
  const now = new Date();
  await env.db.$transaction(async (tx) => {
    await tx.csvFile.create({
      data: {
        runId: run.id,
        ticketId: run.ticketId,
        accountId: run.accountId,
        storagePath,
        fileName,
        sizeBytes: result.sizeBytes,
        sha256: result.sha256,
        rowCounts: result.rowCounts,
        createdAt: now,
        // A copy of backup data is kept as long as backups are: one retention window.
        expiresAt: expiresAt(now, DEFAULT_RETENTION_DAYS),
      },
    });
    await recordRunSuccess(tx, run, {
      figures: { rowCounts: result.rowCounts, rows: Object.values(result.rowCounts).reduce((a, b) => a + b, 0), sizeBytes: Number(result.sizeBytes), sha256: result.sha256, fileName },
    });
  });
}

/**
 * Carries out one RUNNING run to its end — success or a recorded failure —
 * and never throws. Safe to call twice: the run's lock and its status make
 * the second call a no-op.
 */
export async function executeRun(env: RunEnvironment, runId: string): Promise<void> {
  const run = await env.db.restoreRun.findUnique({ where: { id: runId } });
  if (!run || run.status !== "RUNNING") return;
  const progress = createProgressReporter(env.db, run.id);
  try {
    if (run.kind === "CSV_EXPORT") await runCsvExport(env, run, progress);
    else await runRestore(env, run, progress);
  } catch (error) {
    await progress.stop();
    if (error instanceof RunNoLongerRunning) return;
    const failure = describeFailure(error);
    if (failure.reason === "UNEXPECTED") console.error(`[restore] run ${run.id} failed`, error);
    await recordRunFailure(env.db, run, failure).catch((e) => console.error(`[restore] could not record the failure of run ${run.id}`, e));
  } finally {
    await progress.stop();
  }
}
