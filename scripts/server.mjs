// The app's HTTP server: Next.js behind a thin front that knows the socket.
// `next start` cannot tell a client's own address from one it wrote into
// X-Forwarded-For, so this server decides the address (TRUSTED_PROXY_HOPS)
// and refuses what cannot be routed before Next.js sees it.
//   node scripts/server.mjs [--dev] [-p PORT]
import http from "node:http";
import securityHeaders from "../lib/http/security-headers.cjs";
import { root } from "./lib/paths.mjs";
import { ALLOWED_METHODS, CLIENT_ADDRESS_HEADER, parseTrustedProxyHops, refuseRequest, resolveClientAddress } from "./lib/request-guard.mjs";

const args = process.argv.slice(2);
const dev = args.includes("--dev");
const portFlag = args.indexOf("-p");
const port = Number(portFlag >= 0 ? args[portFlag + 1] : (process.env.PORT ?? 3000));
const hostname = process.env.HOSTNAME_BIND || undefined;
const trustedProxyHops = parseTrustedProxyHops(process.env.TRUSTED_PROXY_HOPS);
// As `next start` / `next dev` do, before Next.js and React are loaded.
process.env.NODE_ENV ??= dev ? "development" : "production";
const { default: next } = await import("next");

const app = next({ dev, dir: root, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const REFUSAL_HEADERS = {
  ...Object.fromEntries(securityHeaders.SECURITY_HEADERS.map(({ key, value }) => [key, value])),
  "Content-Type": "text/plain; charset=utf-8",
  "Cache-Control": "no-store",
  Allow: ALLOWED_METHODS.join(", "),
};

/** A refusal written straight to the socket, for requests Node.js itself cannot parse (or CONNECT, which never reaches a handler). */
function refuseOnSocket(socket, status, reason, message) {
  if (!socket.writable) return socket.destroy();
  const head = Object.entries({ ...REFUSAL_HEADERS, Connection: "close", "Content-Length": Buffer.byteLength(message) }).map(([k, v]) => `${k}: ${v}`);
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head.join("\r\n")}\r\n\r\n${message}`);
}

const server = http.createServer((request, response) => {
  const refusal = refuseRequest({ method: request.method, url: request.url });
  if (refusal) {
    response.writeHead(refusal.status, REFUSAL_HEADERS).end(`${refusal.message}\n`);
    return;
  }
  // Always written here, so whatever a client sent under this name is gone.
  request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    trustedProxyHops,
  });
  void handle(request, response);
});
server.on("connect", (_request, socket) => refuseOnSocket(socket, 405, "Method Not Allowed", "This method is not allowed.\n"));
server.on("clientError", (error, socket) => {
  const [status, reason] = error.code === "HPE_HEADER_OVERFLOW" ? [431, "Request Header Fields Too Large"] : [400, "Bad Request"];
  refuseOnSocket(socket, status, reason, "The request is malformed.\n");
});
// Next.js's own upgrade handling (hot reload in development).
server.on("upgrade", (request, socket, head) => void app.getUpgradeHandler()(request, socket, head));
server.listen(port, hostname, () => {
  console.log(`> Ready on http://${hostname ?? "localhost"}:${port}${dev ? " (development)" : ""}${trustedProxyHops ? `, trusting ${trustedProxyHops} proxy hop(s)` : ""}`);
});

// On SIGTERM: no new connections, the requests in flight finish (at most
// 10 s), and the job worker in this process, if any, stops taking jobs and
// lets a running restore finish (instrumentation.ts, WORKER_SHUTDOWN_LIMIT_SECONDS).
// A second signal exits at once.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) process.exit(1);
    stopping = true;
    // Upgraded sockets (development's hot reload) never let close() finish: 10 s at most.
    const requestsDone = Promise.race([new Promise((resolve) => server.close(resolve)), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    server.closeIdleConnections();
    const stopWorker = globalThis[Symbol.for("restore-desk.stop-worker")];
    const [, workerDone] = await Promise.all([requestsDone, stopWorker ? stopWorker() : true]);
    if (workerDone === false) console.error("[jobs] the shutdown limit passed with a job still running: it is cut off (a restore rolls back)");
    await app.close?.().catch(() => undefined);
    process.exit(workerDone === false ? 1 : 0);
  });
}
