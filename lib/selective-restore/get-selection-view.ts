import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { recordLabelSql } from "@/lib/account-data/record-label";
import { ACCOUNT_TABLES, quoteIdent, versionsAt } from "@/lib/account-data/tables";
import type { EmptiedLink } from "@/lib/selective-restore/restore-selection";
import { PICKABLE_TYPES, pickedCount, type Selection, type SelectiveMode, type SelectiveType } from "@/lib/selective-restore/selection";

export type SelectionView = {
  mode: SelectiveMode;
  withRelated: boolean;
  types: SelectiveType[];
  /** Picked records by name (the first few), and how many in all. */
  picked: { label: string; type: string }[];
  pickedTotal: number;
  /** After a run: restored records whose link was left empty. */
  emptied: { label: string; field: EmptiedLink["field"] }[];
  emptiedTotal: number;
};

const NAMED = 10;

async function labels(db: DbOrTx, sql: string, ...params: unknown[]): Promise<Map<string, string>> {
  const rows = await db.$queryRawUnsafe<{ id: string; label: string }[]>(sql, ...params);
  return new Map(rows.map((r) => [r.id, r.label]));
}

/** A selective ticket's choice in words for both ticket pages: the types, or the picked records by name; and, after its run, the links it left empty. */
export async function getSelectionView({
  db = prisma,
  accountId,
  selection,
  snapshotId,
  runFigures,
}: {
  db?: DbOrTx;
  accountId: string;
  selection: Selection;
  snapshotId: string | null;
  runFigures: { emptiedLinks?: EmptiedLink[]; emptiedLinkCount?: number } | null;
}): Promise<SelectionView> {
  const picked: SelectionView["picked"] = [];
  const snapshot = snapshotId ? await db.snapshot.findFirst({ where: { id: snapshotId, accountId }, select: { seq: true } }) : null;
  if (selection.scope === "RECORDS" && snapshot) {
    for (const type of PICKABLE_TYPES) {
      const ids = (selection.records[type] ?? []).slice(0, NAMED - picked.length);
      if (ids.length === 0) continue;
      const table = ACCOUNT_TABLES.find((t) => t.key === type)!;
      const names = await labels(
        db,
        `SELECT v.id::text AS id, ${recordLabelSql(type, "v")} AS label FROM ${quoteIdent(table.versionTable)} v WHERE ${versionsAt("v", "$1::uuid", "$2")} AND v.id = ANY($3::uuid[])`,
        accountId,
        snapshot.seq,
        ids,
      );
      picked.push(...ids.map((id) => ({ type, label: names.get(id) ?? id })));
    }
  }
  const emptied: SelectionView["emptied"] = [];
  for (const link of (runFigures?.emptiedLinks ?? []).slice(0, NAMED)) {
    const table = ACCOUNT_TABLES.find((t) => t.key === link.table)!;
    const names = await labels(db, `SELECT r.id::text AS id, ${recordLabelSql(link.table, "r")} AS label FROM ${quoteIdent(table.table)} r WHERE r."accountId" = $1::uuid AND r.id = $2::uuid`, accountId, link.id);
    emptied.push({ label: names.get(link.id) ?? link.id, field: link.field });
  }
  return {
    mode: selection.mode,
    withRelated: selection.withRelated,
    types: selection.scope === "TYPES" ? selection.types : [],
    picked,
    pickedTotal: pickedCount(selection) ?? 0,
    emptied,
    emptiedTotal: runFigures?.emptiedLinkCount ?? 0,
  };
}
