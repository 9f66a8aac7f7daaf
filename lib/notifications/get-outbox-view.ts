import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import type { EmailStatus } from "@/lib/generated/prisma/enums";

const OUTBOX_PAGE_SIZE = 200;

/** The outbox page: the latest emails (of one status, or all) and the count per status. */
export async function getOutboxView({ status, db = prisma }: { status: EmailStatus | null; db?: Db }) {
  const [emails, counts] = await Promise.all([
    db.emailOutbox.findMany({
      where: status ? { status } : {},
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: OUTBOX_PAGE_SIZE,
      select: { id: true, toAddress: true, toName: true, subject: true, status: true, attempts: true, nextAttemptAt: true, lastError: true, sentAt: true, createdAt: true },
    }),
    db.emailOutbox.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  return { emails, counts };
}
