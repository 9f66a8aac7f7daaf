import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Role } from "@/lib/auth/roles";
import { getEmailPreferences } from "@/lib/notifications/notification-queries";

/** Which kinds of notification this person also gets by email. */
export function getEmailPreferencesView({ userId, role }: { userId: string; role: Role }) {
  return getEmailPreferences(prisma, userId, role);
}
