import "server-only";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { isUuid } from "@/lib/format/uuid";

/**
 * An anonymous visitor is a random id in a signed cookie: one vote per
 * visitor per revision without knowing who they are. A forged or edited
 * cookie fails the signature and is refused.
 */
export const VISITOR_COOKIE = "rd_visitor";
export const VISITOR_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

const sign = (id: string, secret: string) => createHmac("sha256", secret).update(`visitor:${id}`).digest("base64url");

export function newVisitorCookie(secret: string): { id: string; value: string } {
  const id = randomUUID();
  return { id, value: `${id}.${sign(id, secret)}` };
}

/** The visitor id, `null` when there is no cookie, `"forged"` when it does not verify. */
export function readVisitorCookie(value: string | undefined, secret: string): string | null | "forged" {
  if (!value) return null;
  const [id, signature] = value.split(".");
  if (!id || !signature || !isUuid(id)) return "forged";
  const expected = Buffer.from(sign(id, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : "forged";
}

/** What is stored of an address: a keyed hash, enough to count votes per address and nothing more. */
export function addressHash(address: string, secret: string): string {
  return createHmac("sha256", secret).update(`address:${address}`).digest("hex").slice(0, 32);
}
