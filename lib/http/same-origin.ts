/**
 * Whether a state-changing request comes from our own pages: browsers send
 * `Origin` with every POST, and it must name the host the request was sent
 * to (behind a proxy, `X-Forwarded-Host`). No Origin, `null` or another site:
 * not ours. Next.js refuses a mismatched Origin for server actions itself,
 * but lets a missing one through.
 */
export function isSameOrigin(headers: { get(name: string): string | null }): boolean {
  const origin = headers.get("origin");
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0].trim();
  if (!origin || origin === "null" || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
