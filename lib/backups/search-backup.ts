import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { recordDetailSql, recordLabelSql, recordSearchTextSql } from "@/lib/account-data/record-label";
import { accountTable, type AccountTable, quoteIdent, rowFingerprint, versionsAt } from "@/lib/account-data/tables";
import { changedRowsSql } from "@/lib/preview/restore-preview";
import { likePattern } from "@/lib/selective-restore/like-pattern";
import { PICKABLE_TYPES, type PickableType } from "@/lib/selective-restore/selection";
import type { TBackupSearchInput } from "@/lib/backups/backup-search.schema";

export type BackupRecordStatus = "DELETED" | "CHANGED" | "UNCHANGED";
export type BackupSearchHit = { type: PickableType; id: string; label: string; detail: string | null; status: BackupRecordStatus };
export type BackupSearchResult = { hits: BackupSearchHit[]; total: number; page: number; pageSize: number };

export const BACKUP_SEARCH_PAGE_SIZE = 25;

/**
 * One type's matching backup records (id, name, second line). By name: the
 * backup's versions at its sequence number whose search text contains the
 * query (a trigram index lookup). By status: only rows that can differ (the
 * preview's comparison), so "deleted since" never scans the whole backup.
 * Parameters: $1 account, $2 sequence, $3 the pattern or null.
 */
function typeSql(type: PickableType, status: TBackupSearchInput["status"]): string {
  const table = accountTable(type);
  const byName = `($3::text IS NULL OR ${recordSearchTextSql(type, "v")} ILIKE $3)`;
  const base = `SELECT '${type}' AS type, v.id, ${recordLabelSql(type, "v")} AS label, ${recordDetailSql(type, "v")}::text AS detail
     FROM ${quoteIdent(table.versionTable)} v`;
  if (status === "ALL") return `(${base} WHERE ${versionsAt("v", "$1::uuid", "$2")} AND ${byName})`;
  const wanted = status === "DELETED" ? "l.id IS NULL" : "l.h <> s.h";
  // Deleted and changed records: their versions at the backup were closed since (or are in the change log).
  return `(WITH ${changedRowsSql(table, null, { added: false }).sql}
     ${base} JOIN s ON s.id = v.id LEFT JOIN l ON l.id = v.id
     WHERE ${versionsAt("v", "$1::uuid", "$2")} AND ${byName} AND ${wanted})`;
}

/** A backup record's status now, from its version `v` and its live row `x` (left-joined): gone, different (fingerprints), or the same. */
export function recordStatusSql(table: AccountTable, v: string, x: string): string {
  return `CASE WHEN ${x}.id IS NULL THEN 'DELETED' WHEN ${rowFingerprint(table, x)} <> ${v}."rowHash" THEN 'CHANGED' ELSE 'UNCHANGED' END`;
}

/** The page's records' status now. */
async function statusOf(db: DbOrTx, accountId: string, seq: number, hits: { type: PickableType; id: string }[]): Promise<Map<string, BackupRecordStatus>> {
  const status = new Map<string, BackupRecordStatus>();
  for (const type of PICKABLE_TYPES) {
    const ids = hits.filter((h) => h.type === type).map((h) => h.id);
    if (ids.length === 0) continue;
    const table = accountTable(type);
    const rows = await db.$queryRawUnsafe<{ id: string; status: BackupRecordStatus }[]>(
      `SELECT v.id::text AS id, ${recordStatusSql(table, "v", "x")} AS status
       FROM ${quoteIdent(table.versionTable)} v LEFT JOIN ${quoteIdent(table.table)} x ON x.id = v.id AND x."accountId" = $1::uuid
       WHERE ${versionsAt("v", "$1::uuid", "$2")} AND v.id = ANY($3::uuid[])`,
      accountId,
      seq,
      ids,
    );
    for (const row of rows) status.set(row.id, row.status);
  }
  return status;
}

/**
 * **Search this backup**: records of the backup by name, email, title or SKU
 * (any part of it), optionally only those deleted or changed since, each with its
 * status now. Paged, sorted by name.
 */
export async function searchBackup({
  db = prisma,
  accountId,
  seq,
  input,
}: {
  db?: DbOrTx;
  accountId: string;
  seq: number;
  input: TBackupSearchInput;
}): Promise<BackupSearchResult> {
  const empty = { hits: [], total: 0, page: input.page, pageSize: BACKUP_SEARCH_PAGE_SIZE };
  const query = input.query.trim();
  // Listing a whole backup by name helps no one: a search needs a name, or a status to narrow it.
  if (!query && input.status === "ALL") return empty;
  const types = input.type ? [input.type] : PICKABLE_TYPES;
  const rows = await db.$queryRawUnsafe<(Omit<BackupSearchHit, "status"> & { total: bigint })[]>(
    `SELECT h.type, h.id::text AS id, h.label, h.detail, count(*) OVER () AS total FROM (${types.map((type) => typeSql(type, input.status)).join(" UNION ALL ")}) h
     ORDER BY h.label, h.type, h.id LIMIT ${BACKUP_SEARCH_PAGE_SIZE} OFFSET $4`,
    accountId,
    seq,
    query ? likePattern(query) : null,
    (input.page - 1) * BACKUP_SEARCH_PAGE_SIZE,
  );
  const status = await statusOf(db, accountId, seq, rows);
  return {
    hits: rows.map(({ total: _total, ...hit }) => ({ ...hit, status: status.get(hit.id) ?? "UNCHANGED" })),
    total: Number(rows[0]?.total ?? 0),
    page: input.page,
    pageSize: BACKUP_SEARCH_PAGE_SIZE,
  };
}
