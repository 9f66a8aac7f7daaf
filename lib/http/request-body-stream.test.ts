import { PassThrough, Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { readBodyText, requestBodyStream } from "@/lib/http/request-body-stream";

/** A body as the server hands it to a route handler: Node's Request around the incoming stream. */
function incomingBody(chunks: string[], { end = true } = {}) {
  const incoming = new PassThrough();
  for (const chunk of chunks) incoming.write(chunk);
  if (end) incoming.end();
  return { incoming, body: new Request("http://localhost/upload", { method: "POST", body: incoming as unknown as BodyInit, duplex: "half" } as RequestInit).body! };
}

const collect = (into: Buffer[]) => new Writable({ write: (chunk: Buffer, _e, done) => (into.push(chunk), done()) });
const refuseFirstChunk = () => new Transform({ transform: (_chunk, _e, done) => done(new Error("refused")) });
/**
 * The incoming stream is done with (read to its end, or destroyed by a cancel), and the microtasks
 * queued on the way have run — where Node's fetch throws its uncaught error after a cancel.
 */
async function settled(incoming: PassThrough) {
  if (!incoming.closed) await new Promise((resolve) => incoming.once("close", resolve));
  await new Promise((resolve) => setImmediate(resolve));
}

describe("requestBodyStream", () => {
  it("passes every byte of a body through", async () => {
    const out: Buffer[] = [];
    await pipeline(requestBodyStream(incomingBody(["ab", "cd", "ef"]).body), collect(out));
    expect(Buffer.concat(out).toString()).toBe("abcdef");
  });

  // Readable.fromWeb cancels the body here, and Node's fetch then throws "ReadableStream is
  // already closed" outside any promise: an uncaught exception for every small refused upload.
  it("lets go of a body refused at its first chunk without an uncaught exception", async () => {
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", record);
    try {
      for (let i = 0; i < 20; i++) {
        const { incoming, body } = incomingBody(["<html>not an image</html>"]);
        await expect(pipeline(requestBodyStream(body), refuseFirstChunk(), collect([]))).rejects.toThrow("refused");
        await settled(incoming);
      }
    } finally {
      process.off("uncaughtException", record);
    }
    expect(uncaught).toEqual([]);
  });

  it("reads the rest of a refused body into nothing, so the sender is not left hanging", async () => {
    const { incoming, body } = incomingBody(["first"], { end: false });
    await expect(pipeline(requestBodyStream(body), refuseFirstChunk(), collect([]))).rejects.toThrow("refused");
    incoming.write("x".repeat(1 << 20));
    incoming.end();
    // Read to its end (a cancel would have destroyed it: "close" without "end").
    await settled(incoming);
    expect(incoming.readableEnded).toBe(true);
  });

  it("fails the pipeline when the client breaks off", async () => {
    const { incoming, body } = incomingBody(["part"], { end: false });
    const piped = pipeline(requestBodyStream(body), collect([]));
    incoming.destroy(new Error("aborted"));
    await expect(piped).rejects.toThrow();
  });
});

describe("readBodyText", () => {
  const request = (incoming: PassThrough, headers: Record<string, string> = {}) =>
    new Request("http://localhost/vote", { method: "POST", headers, body: incoming as unknown as BodyInit, duplex: "half" } as RequestInit);

  it("gives a body within the limit as text, and no body as empty", async () => {
    expect(await readBodyText(request(incomingBody(['{"typing":', "true}"]).incoming), 256)).toBe('{"typing":true}');
    expect(await readBodyText(new Request("http://localhost/vote", { method: "POST" }), 256)).toBe("");
  });

  it("refuses an honest Content-Length over the limit without reading a byte", async () => {
    const { incoming } = incomingBody(["x".repeat(300)]);
    expect(await readBodyText(request(incoming, { "content-length": "300" }), 256)).toBeNull();
    expect(incoming.readableLength).toBe(300);
  });

  it("stops a longer chunked body at the limit and reads the rest into nothing", async () => {
    const { incoming } = incomingBody(["x".repeat(200), "x".repeat(200)], { end: false });
    expect(await readBodyText(request(incoming), 256)).toBeNull();
    incoming.end("x".repeat(1 << 20));
    await settled(incoming);
    expect(incoming.readableEnded).toBe(true);
  });
});
