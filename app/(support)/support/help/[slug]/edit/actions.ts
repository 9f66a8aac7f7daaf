"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { prisma } from "@/lib/db/prisma";
import { saveArticleRevision } from "@/lib/help/save-article-revision";
import { ZEditArticleInput } from "@/lib/help/save-article-revision.schema";

export const saveArticleAction = defineAction({ input: ZEditArticleInput, allow: ["SUPPORT_AGENT", "SUPPORT_LEAD"] }, async ({ input, actor }) => {
  const revision = await saveArticleRevision({ db: prisma, authorId: actor.id, input });
  revalidatePath(`/help/${input.slug}`);
  revalidatePath("/help");
  return { number: revision.number };
});
