import "server-only";
import type { Db, DbOrTx } from "@/lib/db/client";
import type { SnapshotKind } from "@/lib/generated/prisma/enums";
import { ACCOUNT_TABLES, columnList, quoteIdent, rowFingerprint, type AccountTable, type AccountTableKey } from "@/lib/account-data/tables";
import { massEditFloor, type TypeChange } from "@/lib/loss-alerts/loss-rules";
import { loadLossThresholds } from "@/lib/loss-alerts/load-loss-thresholds";
import { raiseLossAlerts } from "@/lib/loss-alerts/raise-loss-alerts";
import { combineChecksums, splitChecksum, tableChecksum, type TableChecksums, type TableCounts } from "@/lib/snapshots/checksum";

export type TakeSnapshotOptions = {
  db: Db;
  accountId: string;
  kind: SnapshotKind;
  takenAt?: Date;
  /** Called after each table (for progress). */
  onTable?: (tableKey: string, rows: number) => void | Promise<void>;
  /** The daily job: when the account already has a DAILY snapshot of that UTC day, take none and return it. */
  oncePerDay?: boolean;
  /**
   * Compare every row instead of the ones the change log names (the
   * benchmark's measure of the other way). Without a previous snapshot every
   * row is compared anyway.
   */
  compareAll?: boolean;
  /**
   * Look for mass deletions and mass edits since the previous backup and
   * raise loss alerts (not for safety snapshots; default on). Off: the
   * benchmark's measure of what detection costs.
   */
  detectLosses?: boolean;
  /** Called after the loss alerts were written, before the snapshot commits (a fault test's kill point). */
  afterLossAlerts?: () => void | Promise<void>;
};

export type SnapshotSummary = {
  id: string;
  seq: number;
  takenAt: Date;
  rowCounts: TableCounts;
  checksums: TableChecksums;
  checksum: string;
  sizeBytes: bigint;
};

/**
 * What one table's snapshot changed: versions closed (changed or deleted rows)
 * and written (new or changed rows); with loss detection, the rows deleted and
 * the largest group of changed rows whose one field was set to one value.
 */
type TableChange = {
  closed_n: bigint;
  closed_sum: string;
  closed_bytes: bigint;
  added_n: bigint;
  added_sum: string;
  added_bytes: bigint;
  deleted_n: bigint | null;
  edit_field: string | null;
  edit_value: string | null;
  edit_n: bigint | null;
};

// Long enough for a million-row account on a small machine.
const SNAPSHOT_TIMEOUT_MS = 30 * 60 * 1000;
/** Advisory lock class of "writing an account's snapshot versions" (the key is the account). */
const SNAPSHOT_LOCK_CLASS = 7_041_914;

const CHANGE_SUMS = `SELECT (SELECT count(*) FROM closed)::bigint AS closed_n,
            (SELECT coalesce(sum(h::numeric), 0) FROM closed)::text AS closed_sum,
            (SELECT coalesce(sum(sz), 0) FROM closed)::bigint AS closed_bytes,
            (SELECT count(*) FROM added)::bigint AS added_n,
            (SELECT coalesce(sum(h::numeric), 0) FROM added)::text AS added_sum,
            (SELECT coalesce(sum(sz), 0) FROM added)::bigint AS added_bytes`;

/** Longest mass-edit value kept (it is shown in an alert, never used to restore). */
const EDIT_VALUE_MAX = 200;

/**
 * Loss detection's part of the statement, over what the snapshot closed and
 * wrote anyway (no extra scan of the account or of the compared rows): a
 * changed row is one whose version was closed and re-written, a deleted row
 * one whose version was only closed. The mass-edit question compares the two
 * versions of each changed row column by column (typed; a custom field's
 * keys only where the custom fields differ), and is only asked when enough
 * rows changed to matter ($4 — a one-time filter, so a quiet day pays
 * nothing for it). Fields are the editable columns and the keys of the
 * custom fields.
 */
function lossStatement(table: AccountTable): string {
  // Each editable column, as (field, new value as text) when it changed, else no row; the names are our own constants.
  const columns = editableFields(table)
    .map((c) => `('${c}', CASE WHEN (ch.old).${quoteIdent(c)} IS DISTINCT FROM (ch.new).${quoteIdent(c)} THEN coalesce((ch.new).${quoteIdent(c)}::text, '') END)`)
    .join(", ");
  const customFields = table.columns.includes("customFields")
    ? `UNION ALL
         SELECT 'customFields.' || e.key, coalesce(e.value #>> '{}', '')
         FROM jsonb_each(CASE WHEN jsonb_typeof((ch.new)."customFields") = 'object' AND (ch.old)."customFields" IS DISTINCT FROM (ch.new)."customFields"
                              THEN (ch.new)."customFields" ELSE '{}'::jsonb END) e
         WHERE e.value IS DISTINCT FROM (ch.old)."customFields" -> e.key`
    : "";
  return `,
     changed AS MATERIALIZED (SELECT c.doc AS old, a.doc AS new FROM closed c JOIN added a ON a.id = c.id),
     edit AS (
       SELECT x.field, left(x.value, ${EDIT_VALUE_MAX}) AS value, count(*) AS n
       FROM (SELECT * FROM changed WHERE (SELECT count(*) FROM changed) >= $4) ch
       CROSS JOIN LATERAL (
         SELECT f.field, f.value FROM (VALUES ${columns}) f(field, value) WHERE f.value IS NOT NULL
         ${customFields}
       ) x
       GROUP BY x.field, x.value ORDER BY n DESC, x.field, x.value LIMIT 1
     )`;
}
const LOSS_COLUMNS = `,
            ((SELECT count(*) FROM closed) - (SELECT count(*) FROM changed))::bigint AS deleted_n,
            (SELECT field FROM edit) AS edit_field, (SELECT value FROM edit) AS edit_value, (SELECT n FROM edit)::bigint AS edit_n`;
const NO_LOSS_COLUMNS = `, NULL::bigint AS deleted_n, NULL::text AS edit_field, NULL::text AS edit_value, NULL::bigint AS edit_n`;

/** Fields a person edits: every column but the id and the timestamps the CRM sets itself. */
const editableFields = (table: AccountTable) => table.columns.filter((c) => c !== "id" && c !== "createdAt" && c !== "updatedAt" && c !== "customFields");

/**
 * One table's part of a snapshot, in one statement. `live` holds the rows to
 * compare, fingerprinted once, and `open` their current versions; open
 * versions whose row is gone or different are closed at this snapshot, and
 * compared rows without an identical open version get a new version.
 * Unchanged rows are not written. Every part sees the tables as they were
 * before the statement, so a changed row is closed and re-versioned in the
 * same pass, and the change-log entries consumed are exactly those whose
 * writes the comparison saw.
 *
 * With the change log (`log`), the big tables are only reached from the
 * logged ids — LATERAL index lookups, and the closing UPDATE by the versions'
 * row addresses — so the work follows the change whatever the planner's
 * statistics say. Comparing everything (`all`) scans the account. Either way
 * the compared sets are joined by hash (no nested loops): on statistics a
 * bulk load left stale, a nested-loop anti-join here is quadratic (1.4 s for
 * 2,000 contacts instead of 15 ms).
 */
function versionStatement(table: AccountTable, mode: "log" | "all", detect: boolean): string {
  const ver = quoteIdent(table.versionTable);
  const liveColumns = `t."accountId", ${columnList(table, "t")}, ${rowFingerprint(table, "t")} AS h, pg_column_size(ROW(${columnList(table, "t")})) AS sz`;
  const scope =
    mode === "log"
      ? `ids AS MATERIALIZED (SELECT DISTINCT id FROM consumed),
         live AS MATERIALIZED (
           SELECT ${liveColumns} FROM ids CROSS JOIN LATERAL (SELECT * FROM ${quoteIdent(table.table)} x WHERE x.id = ids.id AND x."accountId" = $1::uuid) t
         ), open AS MATERIALIZED (
           SELECT o.ctid AS at, o.id, o."rowHash" FROM ids CROSS JOIN LATERAL (SELECT v.ctid, v.id, v."rowHash" FROM ${ver} v WHERE v."accountId" = $1::uuid AND v.id = ids.id AND v."validTo" IS NULL) o
         ),`
      : `live AS MATERIALIZED (SELECT ${liveColumns} FROM ${quoteIdent(table.table)} t WHERE t."accountId" = $1::uuid),
         open AS MATERIALIZED (SELECT v.ctid AS at, v.id, v."rowHash" FROM ${ver} v WHERE v."accountId" = $1::uuid AND v."validTo" IS NULL),`;
  return `WITH consumed AS (DELETE FROM account_row_change c WHERE c."accountId" = $1::uuid AND c."tableKey" = $3 RETURNING c.id),
     ${scope}
     closed AS (
       UPDATE ${ver} v SET "validTo" = $2
       WHERE v.ctid = ANY (ARRAY(SELECT o.at FROM open o WHERE NOT EXISTS (SELECT 1 FROM live l WHERE l.id = o.id AND l.h = o."rowHash")))
       RETURNING v."rowHash" AS h, v."rowBytes" AS sz${detect ? ", v.id, v AS doc" : ""}
     ), added AS (
       INSERT INTO ${ver} AS n ("accountId", ${columnList(table)}, "rowHash", "rowBytes", "validFrom")
       SELECT l."accountId", ${columnList(table, "l")}, l.h, l.sz, $2 FROM live l
       WHERE NOT EXISTS (SELECT 1 FROM open o WHERE o.id = l.id AND o."rowHash" = l.h)
       RETURNING n."rowHash" AS h, n."rowBytes" AS sz${detect ? ", n.id, n AS doc" : ""}
     )${detect ? lossStatement(table) : ""}
     ${CHANGE_SUMS}${detect ? LOSS_COLUMNS : NO_LOSS_COLUMNS}`;
}

/**
 * No nested loops for one statement (LATERAL lookups still run, being the
 * only plan) — and no JIT: the lookups a disabled nested loop must still use
 * carry the planner's "disabled" cost, which pushes every such statement over
 * the JIT thresholds; where PostgreSQL has JIT (Debian's 15 does), compiling
 * this statement took ~1 s per table, for work that takes milliseconds.
 */
async function withoutNestedLoops<T>(tx: DbOrTx, work: () => Promise<T>): Promise<T> {
  const [before] = await tx.$queryRaw<{ nestloop: string; jit: string }[]>`SELECT current_setting('enable_nestloop') AS nestloop, current_setting('jit') AS jit`;
  await tx.$executeRaw`SELECT set_config('enable_nestloop', 'off', true), set_config('jit', 'off', true)`;
  // Not in a `finally`: after a failed statement the transaction is aborted (and
  // rolls back these settings with it); a reset there would hide the real error.
  const result = await work();
  await tx.$executeRaw`SELECT set_config('enable_nestloop', ${before.nestloop}, true), set_config('jit', ${before.jit}, true)`;
  return result;
}

/** `editFloor`: the fewest same-value edits that could be a loss (null: no loss detection). */
async function versionTable(tx: DbOrTx, table: AccountTable, accountId: string, seq: number, mode: "log" | "all", editFloor: number | null): Promise<TableChange> {
  const statement = versionStatement(table, mode, editFloor !== null);
  const params = editFloor !== null ? [accountId, seq, table.key, editFloor] : [accountId, seq, table.key];
  const [change] = await withoutNestedLoops(tx, () => tx.$queryRawUnsafe<TableChange[]>(statement, ...params));
  return change;
}

/**
 * Takes a snapshot of one account's database inside the caller's transaction
 * (a full restore takes its safety snapshot this way). Versioned storage:
 * only rows added or changed since the account's previous snapshot are
 * written, and the versions of changed or deleted rows are closed; only the
 * rows the change log names are compared. The row
 * counts, checksums and measured size follow from the previous snapshot's by
 * what was closed and written — the same figures a full copy would give.
 */
export async function copyAccountIntoSnapshot(
  tx: DbOrTx,
  { accountId, kind, takenAt = new Date(), onTable, oncePerDay = false, compareAll = false, detectLosses = true, afterLossAlerts }: Omit<TakeSnapshotOptions, "db">,
): Promise<SnapshotSummary> {
  // One writer of an account's versions at a time: a second snapshot waits,
  // then continues from the first one's result (or, for the daily job, finds it and stops).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SNAPSHOT_LOCK_CLASS}::int, hashtext(${accountId}))`;
  if (oncePerDay) {
    const day = new Date(Date.UTC(takenAt.getUTCFullYear(), takenAt.getUTCMonth(), takenAt.getUTCDate()));
    const taken = await tx.snapshot.findFirst({ where: { accountId, kind: "DAILY", takenAt: { gte: day, lt: new Date(day.getTime() + 86_400_000) } } });
    if (taken) {
      return { ...taken, rowCounts: taken.rowCounts as TableCounts, checksums: taken.checksums as TableChecksums };
    }
  }
  const previous = await tx.snapshot.findFirst({ where: { accountId }, orderBy: { seq: "desc" } });
  if (!previous) {
    // No snapshot left to continue from (a new account, or every snapshot pruned): start the history afresh.
    for (const table of ACCOUNT_TABLES) await tx.$executeRawUnsafe(`DELETE FROM ${quoteIdent(table.versionTable)} WHERE "accountId" = $1::uuid`, accountId);
  }
  const seq = (previous?.seq ?? 0) + 1;
  // The change log names every row written since the previous snapshot; with no previous snapshot there is nothing to compare against but everything.
  const mode = previous && !compareAll ? "log" : "all";
  const snapshot = await tx.snapshot.create({
    data: { accountId, kind, takenAt, seq, rowCounts: {}, checksums: {}, checksum: "", sizeBytes: 0n },
  });
  // Losses are looked for between two backups (daily, or one taken by hand —
  // it consumes the change log too, so a loss before it would go unseen):
  // not in an account's first, not in a restore's safety snapshot, and not
  // after one (what changed since is the restore's own doing).
  const thresholds = detectLosses && kind !== "SAFETY" && previous && previous.kind !== "SAFETY" ? await loadLossThresholds(tx, accountId) : null;
  const previousCounts = (previous?.rowCounts ?? {}) as Partial<TableCounts>;
  const changes: Partial<Record<AccountTableKey, TypeChange>> = {};
  const before = (previous?.checksums ?? {}) as Partial<TableChecksums>;
  const rowCounts = {} as TableCounts;
  const checksums = {} as TableChecksums;
  let sizeBytes = previous?.sizeBytes ?? 0n;
  for (const table of ACCOUNT_TABLES) {
    const previousCount = previousCounts[table.key] ?? 0;
    const change = await versionTable(tx, table, accountId, seq, mode, thresholds ? massEditFloor(previousCount, thresholds) : null);
    if (thresholds) changes[table.key] = typeChange(previousCount, change);
    const { count, sum } = splitChecksum(before[table.key] ?? tableChecksum(0, "0"));
    const n = count - BigInt(change.closed_n) + BigInt(change.added_n);
    checksums[table.key] = tableChecksum(n, String(sum - BigInt(change.closed_sum) + BigInt(change.added_sum)));
    rowCounts[table.key] = Number(n);
    sizeBytes += BigInt(change.added_bytes) - BigInt(change.closed_bytes);
    await onTable?.(table.key, rowCounts[table.key]);
  }
  const checksum = combineChecksums(checksums);
  await tx.snapshot.update({ where: { id: snapshot.id }, data: { rowCounts, checksums, checksum, sizeBytes } });
  // The size support sees follows the measured size of the account's rows.
  await tx.$executeRaw`UPDATE account SET "databaseSizeBytes" = ${sizeBytes} + "externalDataBytes" WHERE id = ${accountId}::uuid`;
  // In the snapshot's transaction: a snapshot retried after a crash raises its alerts once, with it.
  if (thresholds) {
    await raiseLossAlerts(tx, { accountId, snapshot: { id: snapshot.id, takenAt }, previous: previous!, changes, thresholds });
    await afterLossAlerts?.();
  }
  return { id: snapshot.id, seq, takenAt, rowCounts, checksums, checksum, sizeBytes };
}

function typeChange(before: number, change: TableChange): TypeChange {
  const editCount = Number(change.edit_n ?? 0);
  return {
    before,
    deleted: Number(change.deleted_n ?? 0),
    topEdit: change.edit_field !== null && editCount > 0 ? { field: change.edit_field, value: change.edit_value ?? "", count: editCount } : null,
  };
}

/** Takes a snapshot in its own transaction: a failure leaves no partial snapshot and no half-closed versions. */
export async function takeSnapshot({ db, ...options }: TakeSnapshotOptions): Promise<SnapshotSummary> {
  return db.$transaction((tx) => copyAccountIntoSnapshot(tx, options), { timeout: SNAPSHOT_TIMEOUT_MS, maxWait: 60_000 });
}
