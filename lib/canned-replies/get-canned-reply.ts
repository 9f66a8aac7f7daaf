import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";

/** One reply for the edit form; null for an id that is not (or no longer) there. */
export async function getCannedReply({ db = prisma, id }: { db?: Db; id: string }) {
  // A hand-edited address is "not there", not a database error.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  return db.cannedReply.findUnique({ where: { id }, select: { id: true, locale: true, title: true, body: true } });
}
