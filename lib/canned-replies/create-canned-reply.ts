import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { assertValidTemplate } from "@/lib/canned-replies/canned-reply-template";
import type { CannedReplyInput } from "@/lib/canned-replies/canned-reply.schema";

/** A new canned reply; refused (nothing stored) with an unknown variable or a title its language already has. */
export async function createCannedReply({ db, actor, input }: { db: Db; actor: { id: string }; input: CannedReplyInput }) {
  assertValidTemplate(input.body);
  try {
    const reply = await db.cannedReply.create({ data: { ...input, updatedById: actor.id }, select: { id: true } });
    return { id: reply.id };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "CANNED_REPLY_DUPLICATE_TITLE", { title: input.title }, { title: ["CANNED_REPLY_DUPLICATE_TITLE"] });
    }
    throw error;
  }
}
