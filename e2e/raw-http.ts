import net from "node:net";
import tls from "node:tls";

export type RawResponse = { status: number; headers: Record<string, string>; body: string };

/**
 * One HTTP/1.1 request written byte for byte over a socket: any method,
 * any path, any header — what a scanner sends and what fetch refuses to —
 * optionally from a chosen loopback address (127.0.0.0/8 is all this
 * machine's), so a test can be several clients at once.
 */
export function rawRequest({
  port,
  method = "GET",
  path,
  headers = {},
  body = "",
  localAddress,
  secure = false,
}: {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  localAddress?: string;
  secure?: boolean;
}): Promise<RawResponse> {
  const payload = Buffer.from(body, "utf8");
  const lines = [`${method} ${path} HTTP/1.1`, `Host: localhost:${port}`, "Connection: close"];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  const declaresLength = Object.keys(headers).some((name) => name.toLowerCase() === "content-length");
  if (!declaresLength && (payload.length || ["POST", "PUT", "PATCH"].includes(method))) lines.push(`Content-Length: ${payload.length}`);
  const request = Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), payload]);
  return new Promise((resolve, reject) => {
    const options = { host: "127.0.0.1", port, localAddress };
    const socket = secure ? tls.connect({ ...options, rejectUnauthorized: false, servername: "localhost" }) : net.connect(options);
    const chunks: Buffer[] = [];
    socket.setTimeout(30_000, () => socket.destroy(new Error(`${method} ${path}: no answer in 30 s`)));
    socket.once(secure ? "secureConnect" : "connect", () => socket.write(request));
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [head, ...rest] = text.split("\r\n\r\n");
      const [statusLine, ...headerLines] = head.split("\r\n");
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
      if (!status) return reject(new Error(`${method} ${path}: no HTTP answer (${JSON.stringify(text.slice(0, 80))})`));
      const parsed: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(":");
        if (colon <= 0) continue;
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        // Several Set-Cookie lines stay several, one per line.
        parsed[name] = name in parsed && name === "set-cookie" ? `${parsed[name]}\n${value}` : value;
      }
      const raw = rest.join("\r\n\r\n");
      resolve({ status, headers: parsed, body: parsed["transfer-encoding"] === "chunked" ? dechunk(raw) : raw });
    });
  });
}

function dechunk(raw: string): string {
  let out = "";
  let rest = Buffer.from(raw, "utf8");
  for (;;) {
    const lineEnd = rest.indexOf("\r\n");
    const size = lineEnd < 0 ? 0 : parseInt(rest.subarray(0, lineEnd).toString("latin1"), 16);
    if (!size) return out;
    out += rest.subarray(lineEnd + 2, lineEnd + 2 + size).toString("utf8");
    rest = rest.subarray(lineEnd + 2 + size + 2);
  }
}

/** A loopback address of its own for one test run: 127.<random>.<random>.<random>, never 127.0.0.1. */
export function freshLoopbackAddress(): string {
  const octet = () => 2 + Math.floor(Math.random() * 250);
  return `127.${octet()}.${octet()}.${octet()}`;
}

/** The help article's current revision, as its page names it. */
export async function currentRevision(port: number): Promise<string> {
  const page = await rawRequest({ port, path: "/help/data-backup" });
  return /name="revisionId" value="([0-9a-f-]{36})"/.exec(page.body)![1];
}

/** A Yes vote on that revision from a client at `localAddress`, straight to the app or through a TLS proxy. */
export async function vote(revisionId: string, { port, localAddress, forwardedFor, secure = false }: { port: number; localAddress: string; forwardedFor: string; secure?: boolean }) {
  return rawRequest({
    port,
    secure,
    method: "POST",
    path: "/api/feedback",
    localAddress,
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-Forwarded-For": forwardedFor },
    body: JSON.stringify({ revisionId, helpful: "yes" }),
  });
}
