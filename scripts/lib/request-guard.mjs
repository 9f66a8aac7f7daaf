// What the app's own HTTP server decides before Next.js sees a request:
// who the client is, and whether the request is well-formed enough to route.
// Pure functions, unit-tested in request-guard.test.ts.
import net from "node:net";

/** The header the server writes (always overwriting) and lib/http/client-address.ts reads. */
export const CLIENT_ADDRESS_HEADER = "x-client-address";

/** Methods the app answers; anything else (TRACE, TRACK, CONNECT, WebDAV…) is 405 before routing. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

const unmap = (address) => (address.startsWith("::ffff:") && net.isIPv4(address.slice(7)) ? address.slice(7) : address);

/**
 * `TRUSTED_PROXY_HOPS`: how many proxies the operator put in front (0 unless
 * said). A value that is not a small whole number stops the server at start.
 */
export function parseTrustedProxyHops(raw) {
  if (raw === undefined || raw === "") return 0;
  if (!/^\d{1,2}$/.test(raw)) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number of proxies (0–99), not ${JSON.stringify(raw)}.`);
  return Number(raw);
}

/**
 * The client's address. With no trusted proxy, the connection's own address
 * decides and `X-Forwarded-For` is ignored: a client can write anything there.
 * With N trusted proxies, each appended the address it saw, so the client is
 * the N-th entry from the right of "X-Forwarded-For, socket" — entries further
 * left were written by the client and count for nothing. A chain shorter than
 * that (a request that skipped a proxy) falls back to its leftmost entry.
 */
export function resolveClientAddress({ socketAddress, forwardedFor, trustedProxyHops }) {
  const socket = unmap(String(socketAddress ?? "")) || "unknown";
  if (!trustedProxyHops) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : String(forwardedFor ?? "");
  const chain = [...header.split(",").map((hop) => unmap(hop.trim())).filter(Boolean), socket];
  const chosen = chain.at(-(trustedProxyHops + 1)) ?? chain[0];
  // A proxy writes addresses; anything else in that place is not one to key a limit on.
  return net.isIP(chosen) ? chosen : socket;
}

/**
 * Why a request cannot be routed, or null when it can: a method the app does
 * not answer (405), a path whose percent-encoding does not decode (400).
 */
export function refuseRequest({ method, url }) {
  if (!ALLOWED_METHODS.includes(method)) return { status: 405, message: "This method is not allowed." };
  const path = String(url ?? "").split("?")[0];
  try {
    decodeURIComponent(path);
  } catch {
    return { status: 400, message: "The address is malformed." };
  }
  return null;
}
