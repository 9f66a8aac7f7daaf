import { columnList, quoteIdent, versionsAt, type AccountTable } from "@/lib/account-data/tables";

/**
 * For tests: a subquery of one snapshot's rows of a table (its columns, no
 * bookkeeping), read from the versions — the snapshot's id is the SQL
 * expression `snapshotId` (a parameter such as `$1`).
 */
export function snapshotRows(table: AccountTable, snapshotId: string, extra: readonly string[] = []): string {
  const cols = [columnList(table, "v"), ...extra.map((c) => `v.${quoteIdent(c)}`)].join(", ");
  return `(SELECT ${cols} FROM ${quoteIdent(table.versionTable)} v JOIN snapshot sn ON sn.id = ${snapshotId}::uuid WHERE ${versionsAt("v", `sn."accountId"`, "sn.seq")})`;
}
