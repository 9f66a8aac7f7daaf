import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import { listOutbox, outboxCounts } from "@/lib/notifications/notification-queries";

/** The outbox page: the latest emails (of one status, or all) and the count per status. */
export async function getOutboxView(status: EmailStatus | null) {
  const [emails, counts] = await Promise.all([listOutbox(prisma, status), outboxCounts(prisma)]);
  return { emails, counts };
}
