import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { recordLabelSql } from "@/lib/account-data/record-label";
import { ACCOUNT_TABLES, quoteIdent, versionsAt } from "@/lib/account-data/tables";
import { getAccountBackup } from "@/lib/backups/get-account-backup";
import { MAX_PICKED_RECORDS, PICKABLE_TYPES, type PickableType, type Selection } from "@/lib/selective-restore/selection";

export type PickedRecordsPrefill = {
  backupId: string;
  /** The backup's date, as the request form's date field takes it. */
  date: string;
  records: { type: PickableType; id: string; label: string }[];
  selection: Selection;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PICK = /^([a-zA-Z]+):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * "Restore selected records": the records picked in the backup browser
 * (`type:id`), named from the backup, as a selective restore of exactly
 * those with their activities, comments and history. Picks of another
 * account, not in the backup, or malformed are dropped; another account's
 * backup fills in nothing.
 */
export async function getPickedRecords({
  db = prisma,
  accountId,
  backupId,
  picks,
}: {
  db?: DbOrTx;
  accountId: string;
  backupId: string | undefined;
  picks: string[];
}): Promise<PickedRecordsPrefill | null> {
  if (!backupId || !UUID.test(backupId) || picks.length === 0) return null;
  const backup = await getAccountBackup({ db, accountId, backupId });
  if (!backup) return null;
  const byType = new Map<PickableType, string[]>();
  for (const pick of picks.slice(0, MAX_PICKED_RECORDS)) {
    const match = PICK.exec(pick);
    const type = match?.[1] as PickableType | undefined;
    if (!match || !type || !PICKABLE_TYPES.includes(type)) continue;
    byType.set(type, [...(byType.get(type) ?? []), match[2].toLowerCase()]);
  }
  const records: PickedRecordsPrefill["records"] = [];
  for (const [type, ids] of byType) {
    const table = ACCOUNT_TABLES.find((t) => t.key === type)!;
    const found = await db.$queryRawUnsafe<{ id: string; label: string }[]>(
      `SELECT v.id::text AS id, ${recordLabelSql(type, "v")} AS label FROM ${quoteIdent(table.versionTable)} v
       WHERE ${versionsAt("v", "$1::uuid", "$2")} AND v.id = ANY($3::uuid[]) ORDER BY 2`,
      accountId,
      backup.seq,
      ids,
    );
    records.push(...found.map((r) => ({ type, ...r })));
  }
  if (records.length === 0) return null;
  const grouped: Partial<Record<PickableType, string[]>> = {};
  for (const record of records) (grouped[record.type] ??= []).push(record.id);
  return { backupId, date: backup.date, records, selection: { scope: "RECORDS", records: grouped, withRelated: true, mode: "MISSING" } };
}
