import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { recordLabelSql } from "@/lib/account-data/record-label";
import { ACCOUNT_TABLES, quoteIdent, versionsAt } from "@/lib/account-data/tables";
import type { BackupRecordStatus } from "@/lib/backups/search-backup";
import { fieldChanges, type FieldChange } from "@/lib/selective-restore/field-changes";
import type { PickableType } from "@/lib/selective-restore/selection";

export type BackupRecordView = {
  type: PickableType;
  id: string;
  label: string;
  status: BackupRecordStatus;
  /** Every field a person edits, backup beside now (now is null when the record is gone). */
  fields: (FieldChange & { changed: boolean })[];
};

/** Set by the CRM itself or internal: not shown. */
const HIDDEN = new Set(["id", "createdAt", "updatedAt", "customFields"]);

/** One record of a backup beside its state now. Null when the backup has no such record of this account. */
export async function getBackupRecord({
  db = prisma,
  accountId,
  seq,
  type,
  id,
}: {
  db?: DbOrTx;
  accountId: string;
  seq: number;
  type: PickableType;
  id: string;
}): Promise<BackupRecordView | null> {
  const table = ACCOUNT_TABLES.find((t) => t.key === type)!;
  const [row] = await db.$queryRawUnsafe<{ label: string; backup: Record<string, unknown>; now: Record<string, unknown> | null }[]>(
    `SELECT ${recordLabelSql(type, "v")} AS label, to_jsonb(v) AS backup, to_jsonb(x) AS now
     FROM ${quoteIdent(table.versionTable)} v LEFT JOIN ${quoteIdent(table.table)} x ON x.id = v.id AND x."accountId" = $1::uuid
     WHERE ${versionsAt("v", "$1::uuid", "$2")} AND v.id = $3::uuid`,
    accountId,
    seq,
    id,
  );
  if (!row) return null;
  const changes = row.now ? fieldChanges(table, row.backup, row.now) : [];
  const changed = new Set(changes.map((c) => c.field));
  const text = (value: unknown) => (value === null || value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value));
  const fields = table.columns
    .filter((c) => !HIDDEN.has(c))
    .map((field) => ({ field, backup: text(row.backup[field]), now: row.now ? text(row.now[field]) : null, changed: changed.has(field) }));
  const custom = { ...((row.backup.customFields ?? {}) as Record<string, unknown>), ...((row.now?.customFields ?? {}) as Record<string, unknown>) };
  for (const key of Object.keys(custom).sort()) {
    const field = `customFields.${key}`;
    const backup = text((row.backup.customFields as Record<string, unknown> | null)?.[key]);
    const now = row.now ? text((row.now.customFields as Record<string, unknown> | null)?.[key]) : null;
    fields.push({ field, backup, now, changed: changed.has(field) });
  }
  // Any column counts, as in the search (a record touched but not edited is changed too).
  const differs = row.now !== null && table.columns.some((c) => JSON.stringify(row.backup[c]) !== JSON.stringify(row.now![c]));
  return { type, id, label: row.label, status: !row.now ? "DELETED" : differs ? "CHANGED" : "UNCHANGED", fields };
}
