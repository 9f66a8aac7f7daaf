import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { listChangeRecords, type ChangeRecordPage } from "@/lib/selective-restore/list-change-records";
import type { Selection } from "@/lib/selective-restore/selection";
import type { TRequestChangeListInput } from "@/lib/selective-restore/request-preview.schema";
import { findRestoreDateSnapshot } from "@/lib/tickets/find-restore-date-snapshot";

/** One page of the records the requester's restore would remove, bring back or revert in one table, by name. */
export async function listRequestChangeRecords({ db = prisma, accountId, input }: { db?: DbOrTx; accountId: string; input: TRequestChangeListInput }): Promise<ChangeRecordPage> {
  const snapshot = await findRestoreDateSnapshot({ db, accountId, restoreDate: input.restoreDate });
  if (!snapshot) throw new AppError("VALIDATION", "NO_SNAPSHOT_FOR_DATE", {}, { restoreDate: ["NO_SNAPSHOT_FOR_DATE"] });
  return listChangeRecords({
    db,
    accountId,
    snapshotId: snapshot.snapshotId,
    selection: input.method === "SELECTIVE" ? (input.selection as Selection) : null,
    table: input.table,
    bucket: input.bucket,
    query: input.query,
    page: input.page,
  });
}
