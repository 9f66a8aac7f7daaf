import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";

/** A person's latest notifications, newest first. */
export function listLatestNotifications({ userId, limit, db = prisma }: { userId: string; limit: number; db?: Db }) {
  return db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, ticketNumber: true, data: true, readAt: true, createdAt: true },
  });
}
