import "server-only";
import type { Db } from "@/lib/db/client";
import { authenticate } from "@/lib/auth/authenticate";
import { sessionCookie, type SessionCookie } from "@/lib/auth/session-cookie";
import { AppError } from "@/lib/errors/app-error";

/**
 * Sign-in from the login form, with or without JavaScript: the same checks
 * and rate limits as next-auth's credentials endpoint (authenticate), and on
 * success the session cookie to set. Every refusal reads the same for an
 * unknown email and a wrong password.
 */
export async function signInWithPassword({ db, input, address }: { db: Db; input: { email: string; password: string }; address: string }): Promise<SessionCookie> {
  const result = await authenticate({ db, input, address });
  if (result.ok) return sessionCookie(result.user);
  if (result.reason === "RATE_LIMITED") {
    throw new AppError("RATE_LIMITED", "SIGN_IN_RATE_LIMITED", { minutes: Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60)) });
  }
  // A form answer, not a session problem: the caller stays where they are.
  throw new AppError("VALIDATION", "SIGN_IN_INVALID");
}
