import "server-only";
import { encode } from "next-auth/jwt";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/auth-options";

export type SessionCookie = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; maxAge: number };
};

/**
 * The session cookie next-auth itself would issue for this user: the same
 * signed and encrypted token, name and flags (next-auth's defaults — the
 * `__Secure-` prefix and Secure flag when the app's address is https), so
 * getServerSession, sign-out and revocation treat it as their own.
 */
export async function sessionCookie(user: { id: string; email: string; name: string; sessionVersion: number }): Promise<SessionCookie> {
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const value = await encode({
    token: { sub: user.id, email: user.email, name: user.name, picture: null, sessionVersion: user.sessionVersion },
    secret: process.env.NEXTAUTH_SECRET ?? "",
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    value,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: SESSION_MAX_AGE_SECONDS },
  };
}
