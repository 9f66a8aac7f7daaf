import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { ACCOUNT_TABLE_KEYS, type AccountTableKey } from "@/lib/account-data/tables";
import { AppError } from "@/lib/errors/app-error";
import type { TableFigures } from "@/lib/preview/preview-figures";
import { computeRestorePreview } from "@/lib/preview/restore-preview";
import type { Selection } from "@/lib/selective-restore/selection";
import type { TRequestPreviewInput } from "@/lib/selective-restore/request-preview.schema";
import { findRestoreDateSnapshot } from "@/lib/tickets/find-restore-date-snapshot";

export type RequestPreviewView = {
  /** When the backup was taken: changes after it are what the restore undoes. */
  backupTakenAt: string;
  /** Tables with something to change, in the account's table order. */
  tables: { table: AccountTableKey; delete: number; bringBack: number; revert: number }[];
};

/**
 * "What this restore would change", for the requester before filing: the
 * same comparison support's preview and the approval use, for the backup of
 * the chosen date of the requester's own account.
 */
export async function previewRestoreRequest({ db = prisma, accountId, input }: { db?: DbOrTx; accountId: string; input: TRequestPreviewInput }): Promise<RequestPreviewView> {
  const snapshot = await findRestoreDateSnapshot({ db, accountId, restoreDate: input.restoreDate });
  if (!snapshot) throw new AppError("VALIDATION", "NO_SNAPSHOT_FOR_DATE", {}, { restoreDate: ["NO_SNAPSHOT_FOR_DATE"] });
  const selection = input.method === "SELECTIVE" ? (input.selection as Selection) : null;
  const preview = await computeRestorePreview({ db, accountId, snapshotId: snapshot.snapshotId, selection });
  const changed = (f: TableFigures) => f.delete + f.bringBack + f.revert > 0;
  return {
    backupTakenAt: snapshot.takenAt.toISOString(),
    tables: ACCOUNT_TABLE_KEYS.filter((key) => changed(preview.figures[key])).map((key) => {
      const { delete: del, bringBack, revert } = preview.figures[key];
      return { table: key, delete: del, bringBack, revert };
    }),
  };
}
