import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { recordDetailSql, recordLabelSql } from "@/lib/account-data/record-label";
import { ACCOUNT_TABLES, quoteIdent, rowFingerprint, versionsAt } from "@/lib/account-data/tables";
import { changedRowsSql } from "@/lib/preview/restore-preview";
import { likePattern } from "@/lib/selective-restore/like-pattern";
import { PICKABLE_TYPES, type PickableType } from "@/lib/selective-restore/selection";
import type { TBackupSearchInput } from "@/lib/backups/backup-search.schema";

export type BackupRecordStatus = "DELETED" | "CHANGED" | "UNCHANGED";
export type BackupSearchHit = { type: PickableType; id: string; label: string; detail: string | null; status: BackupRecordStatus };
export type BackupSearchResult = { hits: BackupSearchHit[]; total: number; page: number; pageSize: number };

export const BACKUP_SEARCH_PAGE_SIZE = 25;

/** What a name search looks at, per type (each a prefix match). */
const SEARCHED: Record<PickableType, string[]> = {
  contact: [`v."firstName"`, `v."lastName"`, `v."firstName" || ' ' || v."lastName"`, `v.email`],
  company: [`v.name`, `v.email`],
  deal: [`v.title`],
  lead: [`v.title`, `v.name`, `v.email`],
  task: [`v.title`],
  product: [`v.name`, `v.sku`],
};

const tableOf = (type: PickableType) => ACCOUNT_TABLES.find((t) => t.key === type)!;

/**
 * One type's matching backup records with their status now. By name: the
 * backup's versions at its sequence number whose name, email, title or SKU
 * starts with the query. By status only: the rows that can differ (the
 * preview's comparison), so "deleted since" never scans the whole backup.
 * Parameters: $1 account, $2 sequence, $3 the pattern or null.
 */
function typeSql(type: PickableType, status: TBackupSearchInput["status"]): string {
  const table = tableOf(type);
  const label = recordLabelSql(type, "v");
  const statusSql = `CASE WHEN x.id IS NULL THEN 'DELETED' WHEN ${rowFingerprint(table, "x")} <> v."rowHash" THEN 'CHANGED' ELSE 'UNCHANGED' END`;
  const wanted = status === "DELETED" ? `x.id IS NULL` : status === "CHANGED" ? `x.id IS NOT NULL AND ${rowFingerprint(table, "x")} <> v."rowHash"` : "TRUE";
  const byName = `($3::text IS NULL OR ${SEARCHED[type].map((f) => `${f} ILIKE $3`).join(" OR ")})`;
  const candidates = status === "ALL" ? "" : `AND v.id IN (SELECT s.id FROM s)`;
  const withChanged = status === "ALL" ? "" : `WITH ${changedRowsSql(table, null).sql} `;
  return `(${withChanged}SELECT '${type}' AS type, v.id::text AS id, ${label} AS label, ${recordDetailSql(type, "v")}::text AS detail, ${statusSql} AS status
     FROM ${quoteIdent(table.versionTable)} v LEFT JOIN ${quoteIdent(table.table)} x ON x.id = v.id AND x."accountId" = $1::uuid
     WHERE ${versionsAt("v", "$1::uuid", "$2")} AND ${byName} ${candidates} AND ${wanted})`;
}

/**
 * **Search this backup**: records of the backup by name, email, title or SKU
 * (a prefix), optionally only those deleted or changed since, each with its
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
  const rows = await db.$queryRawUnsafe<(BackupSearchHit & { total: bigint })[]>(
    `SELECT h.*, count(*) OVER () AS total FROM (${types.map((type) => typeSql(type, input.status)).join(" UNION ALL ")}) h
     ORDER BY h.label, h.type, h.id LIMIT ${BACKUP_SEARCH_PAGE_SIZE} OFFSET $4`,
    accountId,
    seq,
    query ? likePattern(query, { prefix: true }) : null,
    (input.page - 1) * BACKUP_SEARCH_PAGE_SIZE,
  );
  return { hits: rows.map(({ total: _total, ...hit }) => hit), total: Number(rows[0]?.total ?? 0), page: input.page, pageSize: BACKUP_SEARCH_PAGE_SIZE };
}
