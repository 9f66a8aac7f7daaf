import { StringDecoder } from "node:string_decoder";
import { Transform, type TransformCallback } from "node:stream";

/**
 * PostgreSQL's COPY text format (`COPY … TO STDOUT`) → one array of cells
 * per row (null for SQL NULL). Rows end with a newline, cells are separated
 * by tabs; inside a cell COPY writes backslash escapes for `\` and control
 * characters, so a raw tab or newline is always a separator. Streaming:
 * chunk boundaries may fall anywhere, even inside a UTF-8 character.
 */
const ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };

export function parseCopyTextCell(cell: string): string | null {
  if (cell === "\\N") return null;
  if (!cell.includes("\\")) return cell;
  return cell.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
}

export class CopyTextRows extends Transform {
  private readonly decoder = new StringDecoder("utf8");
  private rest = "";

  constructor() {
    super({ readableObjectMode: true, readableHighWaterMark: 1000 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.emitRows(this.rest + this.decoder.write(chunk));
    done();
  }

  override _flush(done: TransformCallback): void {
    const tail = this.rest + this.decoder.end();
    this.rest = "";
    if (tail.length) this.push(tail.split("\t").map(parseCopyTextCell));
    done();
  }

  private emitRows(text: string) {
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      this.push(text.slice(start, end).split("\t").map(parseCopyTextCell));
      start = end + 1;
    }
    this.rest = text.slice(start);
  }
}
