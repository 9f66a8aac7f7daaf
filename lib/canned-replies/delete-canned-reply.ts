import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

export async function deleteCannedReply({ db, id }: { db: Db; id: string }) {
  const { count } = await db.cannedReply.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("NOT_FOUND", "CANNED_REPLY_NOT_FOUND");
  return { deleted: true };
}
