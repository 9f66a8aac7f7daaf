import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CopyTextRows, parseCopyTextCell } from "@/lib/restore/copy-text-rows";

/** What PostgreSQL's COPY TO writes for a cell (text format). */
function copyEscape(value: string | null): string {
  if (value === null) return "\\N";
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t").replace(/\x08/g, "\\b").replace(/\f/g, "\\f").replace(/\v/g, "\\v");
}

async function parseChunks(chunks: Buffer[]): Promise<(string | null)[][]> {
  const rows: (string | null)[][] = [];
  for await (const row of Readable.from(chunks).pipe(new CopyTextRows())) rows.push(row);
  return rows;
}

describe("COPY text rows", () => {
  it("reads NULLs, escapes and empty cells", () => {
    expect(parseCopyTextCell("\\N")).toBeNull();
    expect(parseCopyTextCell("")).toBe("");
    expect(parseCopyTextCell("a\\tb\\nc\\\\d\\re")).toBe("a\tb\nc\\d\re");
    expect(parseCopyTextCell("\\\\N")).toBe("\\N");
  });

  it("gives back exactly the rows written, whatever the chunking (UTF-8 split inside characters too)", async () => {
    const cell = fc.option(fc.string({ unit: fc.constantFrom("a", "ż", "ł", "😀", "\\", "\t", "\n", "\r", "\b", "\f", "\v", "N", ",", '"', " ") }), { nil: null });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 50 }), async (rows, cuts) => {
        const bytes = Buffer.from(rows.map((r) => r.map(copyEscape).join("\t") + "\n").join(""), "utf8");
        const chunks: Buffer[] = [];
        for (let at = 0, i = 0; at < bytes.length; i++) {
          const size = cuts[i % cuts.length];
          chunks.push(bytes.subarray(at, at + size));
          at += size;
        }
        expect(await parseChunks(chunks)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
