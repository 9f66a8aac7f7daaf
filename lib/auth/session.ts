import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/auth-options";
import { findSessionUser } from "@/lib/auth/session-user";
import { roleOf, type Role } from "@/lib/auth/roles";

export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  /** Customers only: the tenant every query of theirs is scoped to. */
  accountId: string | null;
};

/**
 * The signed-in person, re-read from the database on every request: a
 * disabled user, a bumped session version (sign-out elsewhere) or a changed
 * role takes effect at once, whatever the cookie says.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.userId) return null;
  const user = await findSessionUser(session.userId);
  if (!user || user.disabledAt || user.sessionVersion !== session.sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: roleOf({ id: user.id, kind: user.kind, isLead: user.isLead, accountOwnerId: user.account?.ownerId }),
    locale: user.locale,
    accountId: user.accountId,
  };
});

/**
 * For pages: signed out → sign-in; signed in with another role → 404 (a
 * customer learns nothing about support pages, and the reverse).
 */
export async function requireActor(allow: readonly Role[], returnTo?: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
  if (!allow.includes(actor.role)) notFound();
  return actor;
}

export const SUPPORT_ROLES = ["SUPPORT_AGENT", "SUPPORT_LEAD"] as const satisfies readonly Role[];
export const CUSTOMER_ROLES = ["ACCOUNT_ADMIN", "ACCOUNT_MEMBER"] as const satisfies readonly Role[];
export const SIGNED_IN_ROLES = [...CUSTOMER_ROLES, ...SUPPORT_ROLES] as const satisfies readonly Role[];
