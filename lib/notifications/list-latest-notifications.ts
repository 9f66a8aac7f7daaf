import "server-only";
import { prisma } from "@/lib/db/prisma";
import { listNotifications } from "@/lib/notifications/notification-queries";

/** The reader's latest notifications, newest first. */
export function listLatestNotifications({ userId, limit }: { userId: string; limit: number }) {
  return listNotifications(prisma, userId, limit);
}
