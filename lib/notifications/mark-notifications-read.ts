import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";

/** Only the reader's own notifications change; someone else's ids are ignored. */
export async function markNotificationsRead({ userId, ids, db = prisma }: { userId: string; ids: string[] | "all"; db?: Db }): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
  return count;
}
