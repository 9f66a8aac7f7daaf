import "server-only";
import { prisma } from "@/lib/db/prisma";
import { getOutboxEmail } from "@/lib/notifications/notification-queries";

/** One email of the outbox, as support reads it; null when there is none with this id. */
export function getOutboxEmailView(id: string) {
  return getOutboxEmail(prisma, id);
}
