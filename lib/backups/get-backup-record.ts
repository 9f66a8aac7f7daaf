import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { recordLabelSql } from "@/lib/account-data/record-label";
import { accountTable, quoteIdent, versionsAt } from "@/lib/account-data/tables";
import { recordStatusSql, type BackupRecordStatus } from "@/lib/backups/search-backup";
import { recordFields, type FieldChange } from "@/lib/selective-restore/field-changes";
import { isPickableType, type PickableType } from "@/lib/selective-restore/selection";
import { isUuid } from "@/lib/format/uuid";

export type BackupRecordView = {
  type: PickableType;
  id: string;
  label: string;
  status: BackupRecordStatus;
  /** Every field a person edits, backup beside now (now is null when the record is gone). */
  fields: (FieldChange & { changed: boolean })[];
};


/** One record of a backup beside its state now. Null when the backup has no such record of this account (or the type or id is not one). */
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
  type: string;
  id: string;
}): Promise<BackupRecordView | null> {
  if (!isPickableType(type) || !isUuid(id)) return null;
  const table = accountTable(type);
  const [row] = await db.$queryRawUnsafe<{ label: string; status: BackupRecordStatus; backup: Record<string, unknown>; now: Record<string, unknown> | null }[]>(
    `SELECT ${recordLabelSql(type, "v")} AS label, ${recordStatusSql(table, "v", "x")} AS status, to_jsonb(v) AS backup, to_jsonb(x) AS now
     FROM ${quoteIdent(table.versionTable)} v LEFT JOIN ${quoteIdent(table.table)} x ON x.id = v.id AND x."accountId" = $1::uuid
     WHERE ${versionsAt("v", "$1::uuid", "$2")} AND v.id = $3::uuid`,
    accountId,
    seq,
    id,
  );
  if (!row) return null;
  return { type, id, label: row.label, status: row.status, fields: recordFields(table, row.backup, row.now) };
}
