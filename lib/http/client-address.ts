/**
 * The client's address for rate limits, as the app's own server decided it
 * (scripts/server.mjs: the socket, or the address a trusted proxy appended,
 * per TRUSTED_PROXY_HOPS). The server always overwrites this header, so a
 * client cannot choose it. Served some other way, every request is "unknown":
 * one shared limit, never one a client steers.
 */
export const CLIENT_ADDRESS_HEADER = "x-client-address";

export function clientAddress(headers: { get(name: string): string | null | undefined } | Record<string, unknown> | undefined): string {
  if (!headers) return "unknown";
  const value = typeof (headers as { get?: unknown }).get === "function" ? (headers as { get(n: string): string | null }).get(CLIENT_ADDRESS_HEADER) : (headers as Record<string, unknown>)[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value ? value : "unknown";
}
