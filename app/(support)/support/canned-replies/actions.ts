"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { prisma } from "@/lib/db/prisma";
import { ZCreateCannedReplyInput, ZDeleteCannedReplyInput, ZUpdateCannedReplyInput } from "@/lib/canned-replies/canned-reply.schema";
import { createCannedReply } from "@/lib/canned-replies/create-canned-reply";
import { updateCannedReply } from "@/lib/canned-replies/update-canned-reply";
import { deleteCannedReply } from "@/lib/canned-replies/delete-canned-reply";

const SUPPORT = ["SUPPORT_AGENT", "SUPPORT_LEAD"] as const;
const PATH = "/support/canned-replies";

export const createCannedReplyAction = defineAction({ input: ZCreateCannedReplyInput, allow: SUPPORT }, async ({ input, actor }) => {
  const result = await createCannedReply({ db: prisma, actor, input });
  revalidatePath(PATH);
  return result;
});

export const updateCannedReplyAction = defineAction({ input: ZUpdateCannedReplyInput, allow: SUPPORT }, async ({ input: { id, ...input }, actor }) => {
  const result = await updateCannedReply({ db: prisma, actor, id, input });
  revalidatePath(PATH);
  return result;
});

export const deleteCannedReplyAction = defineAction({ input: ZDeleteCannedReplyInput, allow: SUPPORT }, async ({ input }) => {
  const result = await deleteCannedReply({ db: prisma, id: input.id });
  revalidatePath(PATH);
  return result;
});
