import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { recordNames } from "@/lib/account-data/record-names";
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
      const names = await recordNames(db, { accountId, type, ids, seq: snapshot.seq });
      picked.push(...ids.map((id) => ({ type, label: names.get(id) ?? id })));
    }
  }
  const links = (runFigures?.emptiedLinks ?? []).slice(0, NAMED);
  const names = new Map<string, string>();
  for (const type of ["contact", "deal"] as const) {
    for (const [id, name] of await recordNames(db, { accountId, type, ids: links.filter((l) => l.table === type).map((l) => l.id) })) names.set(id, name);
  }
  const emptied = links.map((link) => ({ label: names.get(link.id) ?? link.id, field: link.field }));
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
