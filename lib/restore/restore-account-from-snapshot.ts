import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { ACCOUNT_TABLES, columnList, quoteIdent, rowFingerprint, versionsAt, type AccountTable, type AccountTableKey } from "@/lib/account-data/tables";
import { checksumRowCount, tableChecksum, type TableChecksums } from "@/lib/snapshots/checksum";
import { copyAccountIntoSnapshot } from "@/lib/snapshots/take-snapshot";
import type { RunProgressUpdate } from "@/lib/restore/run-progress";

export type TableRestoreFigures = { deleted: number; inserted: number; rows: number };
export type FullRestoreFigures = { safetySnapshotId: string; tables: Record<AccountTableKey, TableRestoreFigures> };
/** The snapshot restored from: its rows are the versions of its account at its sequence number. */
export type RestoreSource = { id: string; seq: number; checksums: TableChecksums; sizeBytes: bigint };

/** The restored data does not match the snapshot: the transaction must roll back. */
export class SnapshotMismatchError extends Error {
  constructor(
    readonly table: AccountTableKey,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`Checksum mismatch in ${table}: expected ${expected}, found ${actual}`);
    this.name = "SnapshotMismatchError";
  }
}

const rowOf = (table: AccountTable, alias: string) => `ROW(${columnList(table, alias)})`;

/**
 * Makes one table of the account equal to the snapshot (its versions at the
 * snapshot's sequence number) with the least writing: live rows that are absent from the snapshot or differ from it go,
 * snapshot rows missing from the table come (back). Two set-based statements.
 */
async function replaceTable(tx: DbOrTx, table: AccountTable, accountId: string, seq: number): Promise<Omit<TableRestoreFigures, "rows">> {
  const live = quoteIdent(table.table);
  const ver = quoteIdent(table.versionTable);
  const deleted = await tx.$executeRawUnsafe(
    `DELETE FROM ${live} l WHERE l."accountId" = $1::uuid AND NOT EXISTS (
       SELECT 1 FROM ${ver} s WHERE ${versionsAt("s", "$1::uuid", "$2")} AND s.id = l.id AND ${rowOf(table, "s")} IS NOT DISTINCT FROM ${rowOf(table, "l")})`,
    accountId,
    seq,
  );
  const inserted = await tx.$executeRawUnsafe(
    `INSERT INTO ${live} ("accountId", ${columnList(table)})
     SELECT s."accountId", ${columnList(table, "s")} FROM ${ver} s
     WHERE ${versionsAt("s", "$1::uuid", "$2")} AND NOT EXISTS (SELECT 1 FROM ${live} l WHERE l.id = s.id)`,
    accountId,
    seq,
  );
  return { deleted, inserted };
}

/** The table's live checksum, computed the way snapshots compute theirs. */
async function liveChecksum(tx: DbOrTx, table: AccountTable, accountId: string): Promise<{ checksum: string; rows: number }> {
  const [row] = await tx.$queryRawUnsafe<{ n: bigint; s: string }[]>(
    `SELECT count(*)::bigint AS n, coalesce(sum(${rowFingerprint(table, "t")}::numeric), 0)::text AS s
     FROM ${quoteIdent(table.table)} t WHERE t."accountId" = $1::uuid`,
    accountId,
  );
  return { checksum: tableChecksum(row.n, row.s), rows: Number(row.n) };
}

async function countLiveRows(tx: DbOrTx, accountId: string): Promise<number> {
  const counts = ACCOUNT_TABLES.map((t) => `(SELECT count(*) FROM ${quoteIdent(t.table)} WHERE "accountId" = $1::uuid)`).join(" + ");
  const [row] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT (${counts})::bigint AS n`, accountId);
  return Number(row.n);
}

/**
 * A full restore's data work, inside the caller's transaction (which holds
 * the account's lock): a safety snapshot of the current data, every table
 * replaced by the snapshot's rows, then every table verified against the
 * snapshot's checksums. A mismatch throws, and the caller's rollback leaves
 * the account exactly as it was.
 */
export type PhaseSummary =
  | { phase: "SAFETY_SNAPSHOT"; snapshotId: string; rows: number }
  | { phase: "REPLACED"; deleted: number; inserted: number }
  | { phase: "VERIFIED"; tables: number; rows: number };

export async function restoreAccountFromSnapshot(
  tx: DbOrTx,
  {
    accountId,
    source,
    onProgress,
    onPhaseDone,
  }: {
    accountId: string;
    source: RestoreSource;
    onProgress: (update: RunProgressUpdate) => void | Promise<void>;
    onPhaseDone?: (summary: PhaseSummary) => Promise<void>;
  },
): Promise<FullRestoreFigures> {
  const sourceRows = Object.values(source.checksums).reduce((sum, c) => sum + checksumRowCount(c), 0);

  const liveRows = await countLiveRows(tx, accountId);
  let done = 0;
  await onProgress({ phase: "SAFETY_SNAPSHOT", table: null, rowsDone: 0, rowsTotal: liveRows });
  const safety = await copyAccountIntoSnapshot(tx, {
    accountId,
    kind: "SAFETY",
    onTable: (key, rows) => onProgress({ phase: "SAFETY_SNAPSHOT", table: key, rowsDone: (done += rows), rowsTotal: liveRows }),
  });

  await onPhaseDone?.({ phase: "SAFETY_SNAPSHOT", snapshotId: safety.id, rows: done });

  const tables = {} as FullRestoreFigures["tables"];
  done = 0;
  for (const table of ACCOUNT_TABLES) {
    await onProgress({ phase: "REPLACING", table: table.key, rowsDone: done, rowsTotal: sourceRows });
    const figures = await replaceTable(tx, table, accountId, source.seq);
    tables[table.key] = { ...figures, rows: 0 };
    done += checksumRowCount(source.checksums[table.key]);
  }

  const changed = Object.values(tables);
  await onPhaseDone?.({ phase: "REPLACED", deleted: changed.reduce((n, t) => n + t.deleted, 0), inserted: changed.reduce((n, t) => n + t.inserted, 0) });

  done = 0;
  for (const table of ACCOUNT_TABLES) {
    await onProgress({ phase: "VERIFYING", table: table.key, rowsDone: done, rowsTotal: sourceRows });
    const { checksum, rows } = await liveChecksum(tx, table, accountId);
    if (checksum !== source.checksums[table.key]) throw new SnapshotMismatchError(table.key, source.checksums[table.key], checksum);
    tables[table.key].rows = rows;
    done += rows;
  }
  await onProgress({ phase: "VERIFYING", table: null, rowsDone: done, rowsTotal: sourceRows });
  await onPhaseDone?.({ phase: "VERIFIED", tables: ACCOUNT_TABLES.length, rows: done });

  // The account's data is now the snapshot's: so is its measured size.
  await tx.$executeRaw`UPDATE account SET "databaseSizeBytes" = ${source.sizeBytes} + "externalDataBytes" WHERE id = ${accountId}::uuid`;
  return { safetySnapshotId: safety.id, tables };
}
