import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { isUuid } from "@/lib/format/uuid";

/** One email of the outbox; null for an unknown or malformed id (it comes from the URL). */
export async function getOutboxEmail(id: string, db: Db = prisma) {
  return isUuid(id) ? db.emailOutbox.findUnique({ where: { id } }) : null;
}
