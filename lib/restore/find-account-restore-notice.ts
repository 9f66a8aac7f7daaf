import "server-only";
import { prisma } from "@/lib/db/prisma";
import { getAccountRestoreNotice } from "@/lib/restore/run-view";

/** What every user of the account is told on every page: a full restore running now, or how the last one ended. */
export function findAccountRestoreNotice(accountId: string) {
  return getAccountRestoreNotice(prisma, accountId);
}
