import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { recordDetailSql, recordLabelSql } from "@/lib/account-data/record-label";
import { accountTable, ACCOUNT_TABLE_KEYS, quoteIdent, versionsAt, type AccountTableKey } from "@/lib/account-data/tables";
import type { ChangeBucket } from "@/lib/selective-restore/change-buckets";
import { changedRowsSql } from "@/lib/preview/restore-preview";
import { fieldChanges, type FieldChange } from "@/lib/selective-restore/field-changes";
import { likePattern } from "@/lib/selective-restore/like-pattern";
import { modeEffects, tableScopes, type Selection } from "@/lib/selective-restore/selection";

export type ChangeRecord = { id: string; label: string; detail: string | null; changes: FieldChange[] };
export type ChangeRecordPage = { records: ChangeRecord[]; total: number; page: number; pageSize: number };

export const CHANGE_PAGE_SIZE = 20;

const BUCKET_FILTER: Record<ChangeBucket, string> = {
  delete: "s.id IS NULL",
  bringBack: "l.id IS NULL",
  revert: "l.h <> s.h",
};

/**
 * One page of the records a restore would remove, bring back or revert in one
 * table, by name, optionally filtered by a part of the name; a reverted
 * record comes with its changed fields (backup / now). The same comparison as
 * the preview's counts (changedRowsSql), so the list and the count agree.
 */
export async function listChangeRecords({
  db = prisma,
  accountId,
  snapshotId,
  selection,
  table: key,
  bucket,
  query,
  page,
}: {
  db?: DbOrTx;
  accountId: string;
  snapshotId: string;
  /** Null: a full restore (every row of every table). */
  selection: Selection | null;
  table: AccountTableKey;
  bucket: ChangeBucket;
  query: string;
  page: number;
}): Promise<ChangeRecordPage> {
  const empty = { records: [], total: 0, page, pageSize: CHANGE_PAGE_SIZE };
  const snapshot = await db.snapshot.findFirst({ where: { id: snapshotId, accountId }, select: { seq: true } });
  if (!snapshot) return empty;
  const scope = selection ? tableScopes(selection, ACCOUNT_TABLE_KEYS).find((s) => s.table === key) : null;
  if (scope === undefined) return empty;
  if (selection && ((bucket === "delete" && !modeEffects(selection.mode).remove) || (bucket === "revert" && !modeEffects(selection.mode).revert))) return empty;

  const table = accountTable(key);
  // Rows added since matter only to the list of what would be removed.
  const changed = changedRowsSql(table, scope, { added: bucket === "delete" });
  const n = 3 + changed.params.length;
  const label = `coalesce(${recordLabelSql(key, "v")}, ${recordLabelSql(key, "x")})`;
  const detail = `coalesce(${recordDetailSql(key, "v")}, ${recordDetailSql(key, "x")})::text`;
  const rows = await db.$queryRawUnsafe<{ id: string; label: string; detail: string | null; total: bigint; now: Record<string, unknown> | null; backup: Record<string, unknown> | null }[]>(
    `WITH ${changed.sql}, picked AS (
       SELECT coalesce(l.id, s.id) AS id FROM l FULL JOIN s ON s.id = l.id WHERE ${BUCKET_FILTER[bucket]}
     ), named AS (
       SELECT p.id, ${label} AS label, ${detail} AS detail, to_jsonb(x) AS now, to_jsonb(v) AS backup
       FROM picked p
       LEFT JOIN ${quoteIdent(table.table)} x ON x.id = p.id AND x."accountId" = $1::uuid
       LEFT JOIN ${quoteIdent(table.versionTable)} v ON v."accountId" = $1::uuid AND v.id = p.id AND ${versionsAt("v", "$1::uuid", "$2")}
     )
     SELECT id::text AS id, label, detail, count(*) OVER () AS total, now, backup
     FROM named WHERE $${n}::text IS NULL OR label ILIKE $${n}
     ORDER BY label, id LIMIT ${CHANGE_PAGE_SIZE} OFFSET $${n + 1}`,
    accountId,
    snapshot.seq,
    ...changed.params,
    query.trim() ? likePattern(query) : null,
    (page - 1) * CHANGE_PAGE_SIZE,
  );
  return {
    records: rows.map((row) => ({ id: row.id, label: row.label, detail: row.detail, changes: bucket === "revert" && row.now && row.backup ? fieldChanges(table, row.backup, row.now) : [] })),
    total: Number(rows[0]?.total ?? 0),
    page,
    pageSize: CHANGE_PAGE_SIZE,
  };
}
