import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import https from "node:https";
import { expect, test } from "@playwright/test";
import { generate } from "selfsigned";
import { e2eDatabaseUrl } from "./database";
import { currentRevision, freshLoopbackAddress, vote } from "./raw-http";
import { DEMO_PASSWORD } from "./users";

// The app as it runs in production: behind a TLS-terminating proxy, with
// NEXTAUTH_URL on https and TRUSTED_PROXY_HOPS=1. A second server on the same
// build and database, and a small HTTPS proxy in front of it with a throwaway
// certificate that appends the address it saw to X-Forwarded-For.
const appPort = Number(process.env.E2E_PORT ?? 3210) + 2;
const tlsPort = Number(process.env.E2E_PORT ?? 3210) + 233;
const httpsURL = `https://localhost:${tlsPort}`;

let server: ChildProcess | null = null;
let proxy: https.Server | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn(process.execPath, ["scripts/server.mjs", "-p", String(appPort)], {
    stdio: "ignore",
    env: {
      ...process.env,
      DATABASE_URL: e2eDatabaseUrl,
      NEXTAUTH_URL: httpsURL,
      NEXTAUTH_SECRET: "https-e2e-only-secret-not-used-anywhere-else",
      TRUSTED_PROXY_HOPS: "1",
      // The main e2e server does the background work; this one only answers.
      // Pages only: the e2e server beside it does the background work.
      WORKERS: "off",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const pems = await generate([{ name: "commonName", value: "localhost" }], { notAfterDate: new Date(Date.now() + 24 * 60 * 60 * 1000), keySize: 2048 });
  proxy = https.createServer({ key: pems.private, cert: pems.cert }, (request, response) => {
    const upstream = http.request(
      { host: "127.0.0.1", port: appPort, method: request.method, path: request.url, headers: { ...request.headers, "x-forwarded-proto": "https", "x-forwarded-for": [request.headers["x-forwarded-for"], request.socket.remoteAddress].filter(Boolean).join(", ") } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  proxy.listen(tlsPort, "127.0.0.1");
  await once(proxy, "listening");
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`http://127.0.0.1:${appPort}/login`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 60_000 },
    )
    .toBe(200);
});

test.afterAll(async () => {
  proxy?.close();
  server?.kill("SIGTERM");
});

test("[HTTPS] behind a TLS proxy: session cookies are Secure, HttpOnly and SameSite=Lax; HSTS is sent; actions and sign-out work", async ({ browser }) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: httpsURL });
  const page = await context.newPage();
  const login = await page.goto("/login");
  expect(login?.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);

  // A user no other spec signs in as: signing out below ends all of that user's sessions.
  await page.getByLabel("Email").fill("admin@stark.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${httpsURL}/recovery`);

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "__Secure-next-auth.session-token");
  expect(session, "the session cookie carries the __Secure- prefix over HTTPS").toBeDefined();
  expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });

  // A server action through the proxy (same-origin check on the forwarded host): the language switch.
  await page.getByRole("button", { name: "Polski", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Odzyskiwanie danych" })).toBeVisible();
  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Data recovery" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Sign-out asked next-auth for its CSRF token: that cookie is locked to the host and Secure too.
  const after = await context.cookies();
  expect(after.find((c) => c.name === "__Host-next-auth.csrf-token")).toMatchObject({ secure: true, httpOnly: true, path: "/" });
  for (const cookie of [...cookies, ...after].filter((c) => c.name.includes("next-auth"))) expect(cookie.secure, cookie.name).toBe(true);
  await page.goto("/recovery");
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test("[HTTPS] behind one trusted proxy, limits key on the address the proxy appended, not on what the client wrote", async () => {
  const revision = await currentRevision(appPort);
  const client = freshLoopbackAddress();
  const statuses: number[] = [];
  for (let i = 0; i < 40; i++) statuses.push((await vote(revision, { port: tlsPort, secure: true, localAddress: client, forwardedFor: `198.19.0.${i + 1}` })).status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(30);
  expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  // Another client behind the same proxy has a budget of its own.
  expect((await vote(revision, { port: tlsPort, secure: true, localAddress: freshLoopbackAddress(), forwardedFor: "198.19.0.1" })).status).toBe(200);
});
