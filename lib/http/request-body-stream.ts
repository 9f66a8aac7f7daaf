import { Readable } from "node:stream";

/**
 * Reads the rest of a request body and drops it, in the background. A body
 * the server stops reading is never cancel()ed: Node's fetch (undici) then
 * throws an uncaught "ReadableStream is already closed" when the body had
 * just ended — every small refused upload — which the server logs as an
 * uncaughtException. The client is sending those bytes anyway; reading them
 * into nothing is what Node does with any unread request body.
 */
export function discardRestOfBody(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  void (async () => {
    try {
      while (!(await reader.read()).done);
    } catch {
      // The client went away: nothing left to drop.
    }
  })();
}

/**
 * A request body as a Node stream for `pipeline`, which a refusal part-way
 * (wrong type, too large) lets go of with discardRestOfBody, not a cancel.
 */
export function requestBodyStream(body: ReadableStream<Uint8Array>): Readable {
  const reader = body.getReader();
  return new Readable({
    read() {
      reader.read().then(
        ({ done, value }) => this.push(done ? null : value),
        (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    },
    destroy(error, callback) {
      discardRestOfBody(reader);
      callback(error);
    },
  });
}

/**
 * A small request body as text, or null when it is longer than `maxBytes` —
 * refused from an honest Content-Length before a byte is read, and a chunked
 * one read no further than the limit (the rest dropped, never held).
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      discardRestOfBody(reader);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
