import http from "node:http";

export type PacedResult = { sent: number; ok: number; failed: number; ratePerSecond: number; p50: number; p99: number; max: number };

/**
 * `clients` clients, each sending one request (a GET, or a POST when there is
 * a body) every `clients / rate` seconds,
 * their starts spread evenly: a steady `rate` requests per second, as real
 * visitors arrive — unlike a per-second burst. Latency of every request is kept.
 */
export async function pacedLoad({
  url,
  clients,
  rate,
  seconds,
  request,
}: {
  url: string;
  clients: number;
  rate: number;
  seconds: number;
  request: (i: number) => { headers: Record<string, string>; body?: string };
}): Promise<PacedResult> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let sent = 0;
  const interval = (clients / rate) * 1000;
  const until = performance.now() + seconds * 1000;

  const send = (i: number) =>
    new Promise<void>((resolve) => {
      const { headers, body } = request(i);
      const started = performance.now();
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: body === undefined ? "GET" : "POST",
          agent,
          headers: body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - started);
            if (res.statusCode && res.statusCode < 300) ok++;
            else failed++;
            resolve();
          });
        },
      );
      req.on("error", () => {
        failed++;
        resolve();
      });
      req.end(body);
    });

  const client = async (c: number) => {
    await new Promise((r) => setTimeout(r, (c * interval) / clients));
    for (let next = performance.now(); next < until; next += interval) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await send(sent++);
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const elapsed = (performance.now() - began) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { sent, ok, failed, ratePerSecond: Math.round(sent / elapsed), p50: at(0.5), p99: at(0.99), max: Math.round(latencies.at(-1) ?? 0) };
}
