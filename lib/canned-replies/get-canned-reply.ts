import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { z } from "@/lib/zod";

/** One reply for the edit form; null for an id that is not (or no longer) there. */
export async function getCannedReply({ db = prisma, id }: { db?: Db; id: string }) {
  // A hand-edited address is "not there", not a database error.
  if (!z.uuid().safeParse(id).success) return null;
  return db.cannedReply.findUnique({ where: { id }, select: { id: true, locale: true, title: true, body: true } });
}
