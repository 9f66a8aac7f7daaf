import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { recordNames } from "@/lib/account-data/record-names";
import { isUuid } from "@/lib/format/uuid";
import { getAccountBackup } from "@/lib/backups/get-account-backup";
import { isPickableType, MAX_PICKED_RECORDS, type PickableType, type Selection } from "@/lib/selective-restore/selection";

export type PickedRecordsPrefill = {
  backupId: string;
  /** The backup's date, as the request form's date field takes it. */
  date: string;
  records: { type: PickableType; id: string; label: string }[];
  selection: Selection;
};

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
  if (!backupId || !isUuid(backupId) || picks.length === 0) return null;
  const backup = await getAccountBackup({ db, accountId, backupId });
  if (!backup) return null;
  const byType = new Map<PickableType, string[]>();
  for (const pick of picks.slice(0, MAX_PICKED_RECORDS)) {
    const match = PICK.exec(pick);
    const type = match?.[1] as PickableType | undefined;
    if (!match || !type || !isPickableType(type)) continue;
    byType.set(type, [...(byType.get(type) ?? []), match[2].toLowerCase()]);
  }
  const records: PickedRecordsPrefill["records"] = [];
  for (const [type, ids] of byType) {
    const names = await recordNames(db, { accountId, type, ids, seq: backup.seq });
    records.push(...[...names].map(([id, label]) => ({ type, id, label })).sort((x, y) => x.label.localeCompare(y.label)));
  }
  if (records.length === 0) return null;
  const grouped: Partial<Record<PickableType, string[]>> = {};
  for (const record of records) (grouped[record.type] ??= []).push(record.id);
  return { backupId, date: backup.date, records, selection: { scope: "RECORDS", records: grouped, withRelated: true, mode: "MISSING" } };
}
