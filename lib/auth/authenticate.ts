import "server-only";
import { createHash } from "node:crypto";
import { z } from "@/lib/zod";
import type { Db } from "@/lib/db/client";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import { hitRateLimit, resetRateLimit } from "@/lib/rate-limit/rate-limit";

export const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().min(3).max(254).email(),
  password: z.string().min(1).max(200),
});

/** Attempts per window before sign-in is refused for that email or address. */
export const SIGN_IN_LIMITS = { perEmail: 10, perAddress: 50, windowSeconds: 15 * 60 };

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "INVALID" | "RATE_LIMITED"; retryAfterSeconds?: number };

const hashKey = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 32);

/**
 * Checks email and password. Unknown email, wrong password, disabled user and
 * malformed input all answer the same INVALID, after the same scrypt work, so
 * the answer reveals nothing about which accounts exist.
 */
export async function authenticate({
  db,
  input,
  address,
}: {
  db: Db;
  input: unknown;
  address: string;
}): Promise<AuthenticateResult> {
  const parsed = ZCredentials.safeParse(input);
  const email = parsed.success ? parsed.data.email : String((input as { email?: unknown })?.email ?? "").slice(0, 254).toLowerCase();
  const emailKey = `signin:email:${hashKey(email)}`;
  const [byEmail, byAddress] = await Promise.all([
    hitRateLimit({ db, key: emailKey, limit: SIGN_IN_LIMITS.perEmail, windowSeconds: SIGN_IN_LIMITS.windowSeconds }),
    hitRateLimit({ db, key: `signin:addr:${hashKey(address)}`, limit: SIGN_IN_LIMITS.perAddress, windowSeconds: SIGN_IN_LIMITS.windowSeconds }),
  ]);
  if (!byEmail.allowed || !byAddress.allowed) {
    return { ok: false, reason: "RATE_LIMITED", retryAfterSeconds: Math.max(byEmail.retryAfterSeconds, byAddress.retryAfterSeconds) };
  }
  if (!parsed.success) {
    await verifyPassword("x", DUMMY_PASSWORD_HASH);
    return { ok: false, reason: "INVALID" };
  }
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const valid = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !valid || user.disabledAt) return { ok: false, reason: "INVALID" };
  await resetRateLimit(db, emailKey);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
