/** Bare paths resolve against this when the caller gives no origin: `.invalid` is reserved (RFC 6761), no real host has it. */
const RESERVED_ORIGIN = "http://app.invalid";
/**
 * Anything a browser (or a server that decodes twice) might skip, fold or
 * read as a slash: ASCII controls and spaces, DEL, C1 controls, Unicode
 * spaces and separators, backslashes — raw or percent-encoded.
 */
const SUSPICIOUS = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f\u2060\u3000\ufeff\\]|%(?:[01][0-9a-f]|20|7f|5c|c2%[89a][0-9a-f])/i;
const MAX_LENGTH = 2048;

/**
 * The one gate for every redirect target (sign-in's callbackUrl, next-auth's
 * own redirects): the value is resolved against the app's origin and kept
 * only when it stays on that origin and holds nothing a browser might
 * reinterpret. Answers a path (`/x?y#z`), or the fallback.
 */
export function safeRedirectPath(value: string | null | undefined, { origin = RESERVED_ORIGIN, fallback = "/" } = {}): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH || SUSPICIOUS.test(value)) return fallback;
  // Only a path, or an absolute URL written out with our own origin (next-auth passes those).
  const relative = value.startsWith("/") && !value.startsWith("//");
  if (!relative && !value.toLowerCase().startsWith(`${origin.toLowerCase()}/`)) return fallback;
  let target: URL;
  try {
    target = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (target.origin !== new URL(origin).origin || target.username || target.password) return fallback;
  // An encoded slash in the path is a "//host" for any server that decodes before it redirects.
  if (/%2f/i.test(target.pathname)) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}
