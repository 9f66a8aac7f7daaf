import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db/prisma";

/**
 * The user behind a session, read once per request: next-auth's token check
 * and getActor() both need it, and a page render asks for it many times.
 */
export const findSessionUser = cache(async (userId: string) =>
  prisma.user.findUnique({ where: { id: userId }, include: { account: { select: { ownerId: true } } } }),
);

/**
 * A session is current while its user exists, is enabled and has the
 * version the cookie was issued for: sign-out, disabling, a role or
 * password change each bump the version (database triggers).
 */
export async function isSessionCurrent(userId: string | undefined, sessionVersion: number | undefined): Promise<boolean> {
  if (!userId) return false;
  const user = await findSessionUser(userId);
  return Boolean(user && !user.disabledAt && user.sessionVersion === sessionVersion);
}
