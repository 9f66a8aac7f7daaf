"use server";

import { revalidatePath } from "next/cache";
import { defineAction, type ActionResult } from "@/lib/actions/define-action";
import { prisma } from "@/lib/db/prisma";
import { ZRemoveLossThresholdsInput, ZSaveLossThresholdsInput } from "@/lib/loss-alerts/loss-alert-actions.schema";
import { saveLossThresholds } from "@/lib/loss-alerts/save-loss-thresholds";
import { removeLossThresholds } from "@/lib/loss-alerts/remove-loss-thresholds";

const PATH = "/support/settings/loss-detection";

const save = defineAction({ input: ZSaveLossThresholdsInput, allow: ["SUPPORT_AGENT", "SUPPORT_LEAD"] }, async ({ input: { scope, ...thresholds }, actor }) => {
  const result = await saveLossThresholds({ db: prisma, actor, scope, thresholds });
  revalidatePath(PATH);
  return result;
});

export async function saveLossThresholdsAction(previous: ActionResult<{ saved: boolean }> | null, formData: FormData): Promise<ActionResult<{ saved: boolean }>> {
  return save(previous, formData);
}

export const removeLossThresholdsAction = defineAction({ input: ZRemoveLossThresholdsInput, allow: ["SUPPORT_AGENT", "SUPPORT_LEAD"] }, async ({ input }) => {
  const result = await removeLossThresholds({ db: prisma, scope: input.scope });
  revalidatePath(PATH);
  return result;
});
