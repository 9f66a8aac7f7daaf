/**
 * The client's address for rate limits. `X-Forwarded-For` grows to the right:
 * each proxy appends the address it saw, and Next.js fills it from the socket
 * when no proxy did. So the last entry is the one our side wrote — a client
 * can prepend anything it likes, but not change that one.
 */
export function clientAddress(headers: { get(name: string): string | null | undefined } | Record<string, unknown> | undefined): string {
  const read = (name: string): string => {
    if (!headers) return "";
    const value = typeof (headers as { get?: unknown }).get === "function" ? (headers as { get(n: string): string | null }).get(name) : (headers as Record<string, unknown>)[name];
    return String(value ?? "");
  };
  const hops = read("x-forwarded-for").split(",").map((h) => h.trim()).filter(Boolean);
  return hops.at(-1) || read("x-real-ip") || "unknown";
}
