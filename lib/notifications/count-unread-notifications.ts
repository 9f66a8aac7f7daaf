import "server-only";
import { prisma } from "@/lib/db/prisma";
import { countUnread } from "@/lib/notifications/notification-queries";

/** The number on the bell. */
export function countUnreadNotifications(userId: string) {
  return countUnread(prisma, userId);
}
