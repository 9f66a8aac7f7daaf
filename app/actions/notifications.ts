"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { SIGNED_IN_ROLES } from "@/lib/auth/session";
import { prisma } from "@/lib/db/prisma";
import { markNotificationsRead, saveEmailPreferences } from "@/lib/notifications/notification-queries";
import { ZEmailPreferencesInput, ZMarkAllReadInput, ZMarkReadInput } from "@/lib/notifications/notification-actions.schema";

/** Marks the reader's own notifications read; ids of anyone else's change nothing. */
export const markNotificationsReadAction = defineAction({ input: ZMarkReadInput, allow: SIGNED_IN_ROLES }, async ({ input, actor }) => {
  return { marked: await markNotificationsRead(prisma, actor.id, input.ids) };
});

export const markAllNotificationsReadAction = defineAction({ input: ZMarkAllReadInput, allow: SIGNED_IN_ROLES }, async ({ actor }) => {
  const marked = await markNotificationsRead(prisma, actor.id, "all");
  revalidatePath("/notifications");
  return { marked };
});

export const saveEmailPreferencesAction = defineAction({ input: ZEmailPreferencesInput, allow: SIGNED_IN_ROLES }, async ({ input, actor }) => {
  await saveEmailPreferences(prisma, actor.id, actor.role, input.email);
  revalidatePath("/settings/notifications");
  return { saved: true };
});
