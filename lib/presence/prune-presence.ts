import "server-only";
import type { Db } from "@/lib/db/client";
import { presenceCutoff } from "@/lib/presence/presence-rules";

/** Stale rows mean nothing (every reader filters them out); this only keeps the table small. */
export async function prunePresence({ db, now = new Date() }: { db: Db; now?: Date }): Promise<number> {
  const { count } = await db.ticketPresence.deleteMany({ where: { seenAt: { lt: presenceCutoff(now) } } });
  return count;
}
