"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { SIGNED_IN_ROLES } from "@/lib/auth/session";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { saveEmailPreferences } from "@/lib/notifications/save-email-preferences";
import { ZEmailPreferencesInput, ZMarkAllReadInput, ZMarkReadInput } from "@/lib/notifications/notification-actions.schema";

/** Marks the reader's own notifications read; ids of anyone else's change nothing. */
export const markNotificationsReadAction = defineAction({ input: ZMarkReadInput, allow: SIGNED_IN_ROLES }, async ({ input, actor }) => {
  return { marked: await markNotificationsRead({ userId: actor.id, ids: input.ids }) };
});

export const markAllNotificationsReadAction = defineAction({ input: ZMarkAllReadInput, allow: SIGNED_IN_ROLES }, async ({ actor }) => {
  const marked = await markNotificationsRead({ userId: actor.id, ids: "all" });
  revalidatePath("/notifications");
  return { marked };
});

export const saveEmailPreferencesAction = defineAction({ input: ZEmailPreferencesInput, allow: SIGNED_IN_ROLES }, async ({ input, actor }) => {
  await saveEmailPreferences({ userId: actor.id, role: actor.role, emailKinds: input.email });
  revalidatePath("/settings/notifications");
  return { saved: true };
});
