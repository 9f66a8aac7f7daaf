import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import type { Role } from "@/lib/auth/roles";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { KINDS_FOR_ROLE } from "@/lib/notifications/recipients";

/** Replaces the person's choices in one transaction: the kinds not listed get no email. */
export async function saveEmailPreferences({ userId, role, emailKinds, db = prisma }: { userId: string; role: Role; emailKinds: readonly NotificationKind[]; db?: Db }): Promise<void> {
  const optOuts = KINDS_FOR_ROLE[role].filter((kind) => !emailKinds.includes(kind));
  await db.$transaction([
    db.emailOptOut.deleteMany({ where: { userId } }),
    db.emailOptOut.createMany({ data: optOuts.map((kind) => ({ userId, kind })) }),
  ]);
}
