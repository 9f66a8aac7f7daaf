import { expect, test } from "@playwright/test";
import { currentRevision, freshLoopbackAddress, rawRequest, vote } from "./raw-http";

// Rate limits key on the client's address, and with the default setup (no
// proxy in front, TRUSTED_PROXY_HOPS unset) that is the connection's own
// address: X-Forwarded-For is the client's to write, so rotating it must not
// escape a limit. Each test is a client of its own from a fresh loopback
// address (127.x.y.z), so the e2e browser's own budget on 127.0.0.1 is untouched.
// Behind a trusted proxy: e2e/https.spec.ts.

const port = Number(process.env.E2E_PORT ?? 3210);
const rotating = (i: number) => `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`;

test("[VISITOR] votes: a new X-Forwarded-For on every request does not escape the limit; another connection address does", async () => {
  const revision = await currentRevision(port);
  const client = freshLoopbackAddress();
  const statuses: number[] = [];
  for (let i = 0; i < 40; i++) statuses.push((await vote(revision, { port, localAddress: client, forwardedFor: rotating(i) })).status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(30);
  expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  const limited = await vote(revision, { port, localAddress: client, forwardedFor: "203.0.113.77" });
  expect(limited.status).toBe(429);
  expect(JSON.parse(limited.body).message).toMatch(/Too many answers came from your network/);
  expect((await vote(revision, { port, localAddress: freshLoopbackAddress(), forwardedFor: rotating(0) })).status).toBe(200);
});

test("[VISITOR] sign-in: a new X-Forwarded-For on every attempt does not escape the per-address limit", async () => {
  test.setTimeout(120_000);
  const client = freshLoopbackAddress();
  const attempt = async (i: number) => {
    const csrf = await rawRequest({ port, path: "/api/auth/csrf", localAddress: client, headers: { "X-Forwarded-For": rotating(i) } });
    const cookie = csrf.headers["set-cookie"].split("\n").map((c) => c.split(";")[0]).join("; ");
    const form = new URLSearchParams({ csrfToken: JSON.parse(csrf.body).csrfToken, email: `nobody-${i}@limit-probe.test`, password: "wrong-password", json: "true" });
    const answer = await rawRequest({
      port,
      method: "POST",
      path: "/api/auth/callback/credentials",
      localAddress: client,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, "X-Forwarded-For": rotating(i) },
      body: form.toString(),
    });
    expect(answer.status).toBeLessThan(500);
    return `${answer.headers.location ?? ""} ${answer.body}`.includes("RATE_LIMITED");
  };
  // Every email is new, so only the address can be what is counted: 50 attempts per 15 minutes.
  const limited: boolean[] = [];
  for (let i = 0; i < 51; i++) limited.push(await attempt(i));
  expect(limited.slice(0, 50).filter(Boolean)).toHaveLength(0);
  expect(limited[50]).toBe(true);
});
