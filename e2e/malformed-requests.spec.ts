import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { rawRequest, type RawResponse } from "./raw-http";
import { storageStatePath, type DemoUser } from "./users";

// What a scanner sends, to every route handler of the app (read from the
// code, as in the authorization matrix) and to a few pages: odd methods,
// malformed headers, broken percent-encoding, junk ids. Nothing may answer
// 5xx, and every answer carries the security headers.

const port = Number(process.env.E2E_PORT ?? 3210);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every route handler's URL pattern: route groups dropped, dynamic segments kept as [name]. */
function routePatterns(): string[] {
  return filesUnder("app")
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => file.endsWith("/route.ts"))
    .map((file) => "/" + file.slice("app/".length, -"/route.ts".length).split("/").filter((segment) => !/^\(.*\)$/.test(segment)).join("/"))
    .sort();
}

// What a dynamic segment is filled with: a real-looking value, junk, broken encodings.
const SEGMENT_VALUES: Record<string, string[]> = {
  "[number]": ["RR-000008", "RR-999999", "RR-0", "%27%20OR%201%3D1--", "x".repeat(5000), "%ZZ", "%C0%AF", "..%2F..%2Fetc%2Fpasswd"],
  "[id]": ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "00000000-0000-4000-8000-00000000000G", "%00", "%ZZ", "1%20OR%201"],
  "[...nextauth]": ["session", "csrf", "providers", "callback/credentials", "signin/nope", "%ZZ", "error?error=%3Cscript%3E"],
};

function expand(pattern: string): string[] {
  const match = /\[[^\]]+\]/.exec(pattern);
  if (!match) return [pattern];
  return (SEGMENT_VALUES[match[0]] ?? ["x"]).flatMap((value) => expand(pattern.replace(match[0], value)));
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "TRACK", "PROPFIND", "CONNECT"];

const HEADER_SETS: Record<string, string>[] = [
  {},
  { Cookie: "next-auth.session-token=%%%; rd_visitor=%E0%A4%A; NEXT_LOCALE=%ZZ" },
  { Cookie: `next-auth.session-token=${"A".repeat(3000)}.${"B".repeat(3000)}` },
  { "Content-Type": "multipart/form-data; boundary=" },
  { "Content-Type": "application/json; charset=klingon" },
  { "Accept-Language": ";;;q=x, *-*-*, pl;q=NaN" },
  { Origin: "null", Referer: "%%%" },
  { Origin: "http://[::1", Host: "evil.example" },
  { "X-File-Name": "%E0%A4%A", "X-Forwarded-For": "not-an-ip, %00" },
  { "Next-Action": "not-an-action-id", "Next-Router-State-Tree": "%7B%ZZ" },
  { "Next-Router-State-Tree": "{not json" },
  { Range: "bytes=999999999-1", "If-None-Match": '"' },
  { "Content-Length": "18446744073709551616" },
];

const BODIES = ["", "{not json", '{"revisionId":[],"helpful":{}}', "a=%ZZ&b=%", "\u0000\u0001\u0002"];

function storedCookie(user: DemoUser): string {
  const state = JSON.parse(readFileSync(storageStatePath(user), "utf8")) as { cookies: { name: string; value: string }[] };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

function check(label: string, response: RawResponse, failures: string[]) {
  if (response.status >= 500) failures.push(`${label}: ${response.status}`);
  else if (response.headers["x-content-type-options"] !== "nosniff") failures.push(`${label}: ${response.status} without the security headers`);
}

test("every route handler answers malformed methods, headers, encodings and ids with 4xx, never 5xx", async () => {
  test.setTimeout(600_000);
  const patterns = routePatterns();
  expect(patterns.length).toBeGreaterThanOrEqual(8);
  const support = storedCookie("support");
  const admin = storedCookie("acmeAdmin");
  const failures: string[] = [];
  let requests = 0;
  const send = async (label: string, options: Parameters<typeof rawRequest>[0]) => {
    let response: RawResponse;
    try {
      response = await rawRequest(options);
    } catch (error) {
      // A connection the server closed without a word is no 5xx, but it is no answer either.
      failures.push(`${label}: ${(error as Error).message}`);
      return;
    }
    requests++;
    check(label, response, failures);
  };

  for (const pattern of patterns) {
    for (const url of expand(pattern)) {
      for (const method of METHODS) {
        for (const cookie of [undefined, support, admin]) {
          await send(`${method} ${url}${cookie ? " (signed in)" : ""}`, { port, method, path: url, headers: { ...(cookie ? { Cookie: cookie } : {}) } });
        }
      }
      for (const [i, headers] of HEADER_SETS.entries()) {
        for (const method of ["GET", "POST"]) {
          for (const body of method === "POST" ? BODIES : [""]) {
            await send(`${method} ${url} with header set ${i} and body ${JSON.stringify(body).slice(0, 20)}`, { port, method, path: url, headers: { Cookie: admin, ...headers }, body });
          }
        }
      }
    }
  }
  // Pages and the app's root: broken encodings in the path and the query.
  for (const url of ["/%", "/%ZZ", "/help/%E0%A4%A", "/support/tickets/%C0", "/recovery/RR-%FF%FE", "/login?callbackUrl=%", "/help/data-backup?q=%ZZ", "/support/tickets?page=%&sort=%%", "/" + "a".repeat(6000)]) {
    for (const cookie of [undefined, support, admin]) {
      for (const method of ["GET", "POST", "TRACE"]) {
        await send(`${method} ${url.slice(0, 60)}${cookie ? " (signed in)" : ""}`, { port, method, path: url, headers: cookie ? { Cookie: cookie } : {} });
      }
    }
  }
  console.log(`malformed requests: ${requests} sent, ${failures.length} answered 5xx or without security headers`);
  expect(failures).toEqual([]);
});

test("TRACE and other methods the app does not serve get 405 with Allow; a path that does not decode gets 400", async () => {
  // (A method Node.js's parser does not know at all, such as TRACK, is a malformed request: 400, with the same headers.)
  for (const method of ["TRACE", "PROPFIND", "CONNECT"]) {
    const response = await rawRequest({ port, method, path: "/login" });
    expect(response.status, method).toBe(405);
    expect(response.headers.allow).toContain("GET");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  }
  const malformed = await rawRequest({ port, path: "/help/%E0%A4%A" });
  expect(malformed.status).toBe(400);
  expect(malformed.body).toMatch(/malformed/);
  expect(malformed.headers["x-frame-options"]).toBe("DENY");
});

test("an upload over the limit is refused from its Content-Length before a byte of it is read; a malformed file name gets 400", async () => {
  const cookie = storedCookie("acmeAdmin");
  const origin = `http://localhost:${port}`;
  // 300 MB declared, none sent: only an answer given from the header can arrive (reading would wait for the body).
  const declared = await rawRequest({ port, method: "POST", path: "/api/crm/import", headers: { Cookie: cookie, Origin: origin, "Content-Type": "text/csv", "Content-Length": String(300 * 1024 * 1024) } });
  expect(declared.status).toBe(413);
  expect(JSON.parse(declared.body).message).toMatch(/larger than 200 MB/);
  const badName = await rawRequest({ port, method: "POST", path: "/api/crm/import", headers: { Cookie: cookie, Origin: origin, "Content-Type": "text/csv", "X-File-Name": "%E0%A4%A.csv" }, body: "type,id\n" });
  expect(badName.status).toBe(400);
  expect(JSON.parse(badName.body).message).toMatch(/file name is malformed/);
});
