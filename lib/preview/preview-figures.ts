/**
 * What a restore would change, table by table, and the arithmetic around it.
 * Pure: the database computes the figures (restore-preview.ts), this module
 * interprets them.
 */
import { ACCOUNT_TABLE_KEYS, type AccountTableKey } from "@/lib/account-data/tables";

export type TableFigures = {
  /** Live rows the restore removes (created after the snapshot). */
  delete: number;
  /** Snapshot rows the restore brings back (deleted since). */
  bringBack: number;
  /** Rows in both whose content differs (changed since). */
  revert: number;
  /** Rows now, and in the snapshot. */
  live: number;
  snapshot: number;
};

export type PreviewFigures = Record<AccountTableKey, TableFigures>;

export type RecordedPreview = { computedAt: string; snapshotId: string; figures: PreviewFigures };

/** After a restore the table holds exactly the snapshot's rows. */
export function rowsAfterRestore(f: TableFigures): number {
  return f.live - f.delete + f.bringBack;
}

/** The figures must add up; a mismatch means the comparison itself is wrong. */
export function isConsistent(f: TableFigures): boolean {
  return rowsAfterRestore(f) === f.snapshot && f.revert <= Math.min(f.live, f.snapshot) && [f.delete, f.bringBack, f.revert].every((n) => n >= 0);
}

export function totals(figures: PreviewFigures): Omit<TableFigures, "live" | "snapshot"> & { changedRows: number } {
  let del = 0;
  let back = 0;
  let revert = 0;
  for (const key of ACCOUNT_TABLE_KEYS) {
    del += figures[key].delete;
    back += figures[key].bringBack;
    revert += figures[key].revert;
  }
  return { delete: del, bringBack: back, revert, changedRows: del + back + revert };
}

/** True when the live data moved since the preview an approver saw. */
export function previewChangedSince(approved: PreviewFigures, current: PreviewFigures): boolean {
  return ACCOUNT_TABLE_KEYS.some((key) => {
    const a = approved[key];
    const c = current[key];
    return !a || a.delete !== c.delete || a.bringBack !== c.bringBack || a.revert !== c.revert || a.live !== c.live;
  });
}

/**
 * How approved preview figures become a full restore's run figures: a revert
 * replaces the current version of a record with the backup's, so it is one
 * row removed and one written.
 */
export function expectedRunFigures(figures: PreviewFigures): { removed: number; written: number } {
  const sum = totals(figures);
  return { removed: sum.delete + sum.revert, written: sum.bringBack + sum.revert };
}
