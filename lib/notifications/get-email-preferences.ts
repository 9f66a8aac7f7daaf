import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import type { Role } from "@/lib/auth/roles";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { KINDS_FOR_ROLE } from "@/lib/notifications/recipients";

/** Email on or off per kind, for the kinds the role can receive. */
export async function getEmailPreferences({ userId, role, db = prisma }: { userId: string; role: Role; db?: Db }): Promise<{ kind: NotificationKind; email: boolean }[]> {
  const off = new Set((await db.emailOptOut.findMany({ where: { userId }, select: { kind: true } })).map((o) => o.kind));
  return KINDS_FOR_ROLE[role].map((kind) => ({ kind, email: !off.has(kind) }));
}
