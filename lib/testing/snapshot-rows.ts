import { ACCOUNT_TABLES, columnList, quoteIdent, rowFingerprint, versionsAt, type AccountTable } from "@/lib/account-data/tables";
import type { Db } from "@/lib/db/client";
import { tableChecksum, type TableChecksums } from "@/lib/snapshots/checksum";

/**
 * For tests: a subquery of one snapshot's rows of a table (its columns, no
 * bookkeeping), read from the versions — the snapshot's id is the SQL
 * expression `snapshotId` (a parameter such as `$1`).
 */
export function snapshotRows(table: AccountTable, snapshotId: string, extra: readonly string[] = []): string {
  const cols = [columnList(table, "v"), ...extra.map((c) => `v.${quoteIdent(c)}`)].join(", ");
  return `(SELECT ${cols} FROM ${quoteIdent(table.versionTable)} v JOIN snapshot sn ON sn.id = ${snapshotId}::uuid WHERE ${versionsAt("v", `sn."accountId"`, "sn.seq")})`;
}

/** For tests: a subquery of an account's live rows of a table, in the same columns as `snapshotRows`. */
export function liveRows(table: AccountTable, accountId: string): string {
  return `(SELECT ${columnList(table)} FROM ${quoteIdent(table.table)} WHERE "accountId" = ${accountId}::uuid)`;
}

/** Rows of one relation missing from the other, both ways, duplicates counted (`EXCEPT ALL`): 0 when they hold the same rows. */
export async function rowDifference(db: Db, a: string, b: string, ...params: unknown[]): Promise<number> {
  const [{ n }] = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM ((SELECT * FROM ${a} x EXCEPT ALL SELECT * FROM ${b} y) UNION ALL (SELECT * FROM ${b} y EXCEPT ALL SELECT * FROM ${a} x)) d`,
    ...params,
  );
  return Number(n);
}

/** A table checksum computed straight from a relation's rows (fingerprints recomputed, not stored ones): what a snapshot of them must record. */
export async function checksumOf(db: Db, table: AccountTable, relation: string, ...params: unknown[]): Promise<string> {
  const [row] = await db.$queryRawUnsafe<{ n: bigint; s: string }[]>(
    `SELECT count(*) AS n, coalesce(sum(${rowFingerprint(table, "r")}::numeric), 0)::text AS s FROM ${relation} r`,
    ...params,
  );
  return tableChecksum(row.n, row.s);
}

/** Every table's checksum, from the relation `relationOf(table)` gives (e.g. `liveRows` or `snapshotRows`). */
export async function checksumsOf(db: Db, relationOf: (table: AccountTable) => string, ...params: unknown[]): Promise<TableChecksums> {
  const out = {} as TableChecksums;
  for (const table of ACCOUNT_TABLES) out[table.key] = await checksumOf(db, table, relationOf(table), ...params);
  return out;
}
