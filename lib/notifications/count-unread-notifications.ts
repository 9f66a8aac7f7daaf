import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";

/** The number on the bell. */
export function countUnreadNotifications(userId: string, db: Db = prisma) {
  return db.notification.count({ where: { userId, readAt: null } });
}
