import { medianMs, ms } from "./stats";

/** Signs in through next-auth's credentials endpoint like a browser would; returns the cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  jar.push(...response.headers.getSetCookie().map((c) => c.split(";")[0]));
  if (!jar.some((c) => c.startsWith("next-auth.session-token="))) throw new Error(`Sign-in as ${email} failed (${response.status})`);
  return jar.join("; ");
}

const PAGES = ["/support/tickets", "/support/tickets?page=200", "/support/tickets?sort=account", "/support/tickets?status=SUBMITTED,IN_REVIEW", "/support/tickets?q=products%20list"];

export async function benchPageRender(base: string) {
  const cookie = await signIn(base, "support@restoredesk.test", "demo-pass-2026");
  console.log("\n## Ticket queue page, full server response on loopback (median of 10)");
  for (const path of PAGES) {
    const t = await medianMs(async () => {
      const response = await fetch(base + path, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
      await response.text();
    }, 10, 2);
    console.log(`  ${path.padEnd(44)} ${ms(t)} (target < 300 ms)`);
  }
}
