import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { assertValidTemplate } from "@/lib/canned-replies/canned-reply-template";
import type { CannedReplyInput } from "@/lib/canned-replies/canned-reply.schema";

/** Rewrites a canned reply (its language may change too); the same refusals as creating one. */
export async function updateCannedReply({ db, actor, id, input }: { db: Db; actor: { id: string }; id: string; input: CannedReplyInput }) {
  assertValidTemplate(input.body);
  try {
    await db.cannedReply.update({ where: { id }, data: { ...input, updatedById: actor.id }, select: { id: true } });
    return { id };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "CANNED_REPLY_DUPLICATE_TITLE", { title: input.title }, { title: ["CANNED_REPLY_DUPLICATE_TITLE"] });
    }
    // Deleted by a colleague meanwhile.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") throw new AppError("NOT_FOUND", "CANNED_REPLY_NOT_FOUND");
    throw error;
  }
}
