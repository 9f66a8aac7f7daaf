"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { prisma } from "@/lib/db/prisma";
import { dismissLossAlert } from "@/lib/loss-alerts/dismiss-loss-alert";
import { ZDismissLossAlertInput } from "@/lib/loss-alerts/loss-alert-actions.schema";

/** "Dismiss — this was intended": the account admin only; members cannot file, so they are not asked. */
export const dismissLossAlertAction = defineAction({ input: ZDismissLossAlertInput, allow: ["ACCOUNT_ADMIN"] }, async ({ input, actor }) => {
  const result = await dismissLossAlert({ db: prisma, actor, id: input.id });
  revalidatePath("/recovery");
  revalidatePath("/crm/import");
  return result;
});
