import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Transform } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "@/lib/db/client";
import type { ImportMode } from "@/lib/generated/prisma/enums";
import { mapHeader, parseRow, type ParsedRow, type RowProblem } from "@/lib/import/csv-rows";
import { computeImportFigures, type ImportPreview } from "@/lib/import/import-figures";
import type { FileProblem } from "@/lib/import/file-problem";

export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;
/** One record (a line with its quoted newlines): generous for CRM items, far below a 5 MB cell. */
export const IMPORT_MAX_RECORD_BYTES = 256 * 1024;
const MAX_COLUMNS = 500;
const KEPT_PROBLEMS = 500;

async function sniffFile(path: string): Promise<{ sha256: string; size: number; encoding: "utf-8" | "windows-1250"; head: string }> {
  const hash = createHash("sha256");
  const strict = new TextDecoder("utf-8", { fatal: true });
  let utf8 = true;
  let size = 0;
  let headBytes: Buffer | null = null;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    headBytes ??= chunk.subarray(0, 64 * 1024);
    if (utf8) {
      try {
        strict.decode(chunk, { stream: true });
      } catch {
        utf8 = false;
      }
    }
  }
  if (utf8) {
    try {
      strict.decode();
    } catch {
      utf8 = false;
    }
  }
  // Not UTF-8: a Polish spreadsheet saved in its Windows code page.
  const encoding = utf8 ? "utf-8" : "windows-1250";
  return { sha256: hash.digest("hex"), size, encoding, head: new TextDecoder(encoding).decode(headBytes ?? Buffer.alloc(0)) };
}

/** `;` when the header line has more semicolons than commas outside quotes (Polish Excel), else `,`. */
export function sniffDelimiter(head: string): "," | ";" {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const ch of head) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && ch === ",") commas++;
    else if (!inQuotes && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

function decoder(encoding: string) {
  const text = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _e, done) {
      done(null, text.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, text.decode());
    },
  });
}

const PARSE_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "BROKEN_QUOTES",
  CSV_INVALID_CLOSING_QUOTE: "BROKEN_QUOTES",
  INVALID_OPENING_QUOTE: "BROKEN_QUOTES",
  CSV_MAX_RECORD_SIZE: "RECORD_TOO_LARGE",
};

/** Valid rows go to the staging table through COPY (one stream per import, with backpressure). */
function stagingWriter(client: pg.Client, importId: string) {
  const copy = client.query(copyFrom(`COPY csv_import_row ("importId", line, type, id, data) FROM STDIN`));
  const done = finished(copy);
  return {
    // COPY text format: tabs and newlines never appear raw in JSON; backslashes are doubled.
    write: (row: ParsedRow & { line: number }) => copy.write(`${importId}\t${row.line}\t${row.type}\t${row.id}\t${JSON.stringify(row.data).replace(/\\/g, "\\\\")}\n`),
    drained: () => new Promise<void>((resolve) => copy.once("drain", resolve)),
    end: async () => {
      copy.end();
      await done;
    },
    abort: async () => {
      copy.destroy(new Error("import stopped"));
      await done.catch(() => undefined);
    },
  };
}

/**
 * Reads an uploaded CSV (streamed, size- and record-limited), checks every
 * row, stages the valid ones and computes the preview — without touching the
 * CRM. Returns the import's id; its preview says what applying would do.
 */
export async function stageImport({
  db,
  databaseUrl,
  accountId,
  userId,
  path,
  fileName,
  mode,
  sourceTicketId = null,
  now = new Date(),
}: {
  db: Db;
  /** The staging COPY runs on a connection of its own. */
  databaseUrl: string;
  accountId: string;
  userId: string;
  path: string;
  fileName: string;
  mode: ImportMode;
  sourceTicketId?: string | null;
  now?: Date;
}): Promise<string> {
  const file = await sniffFile(path);
  const delimiter = sniffDelimiter(file.head.replace(/^\uFEFF/, ""));
  const created = await db.csvImport.create({
    data: { accountId, userId, fileName: fileName.replace(/\u0000/g, "").slice(0, 200), sha256: file.sha256, sizeBytes: BigInt(file.size), mode, sourceTicketId, encoding: file.encoding, delimiter, figures: {} },
  });
  const problems: RowProblem[] = [];
  let problemCount = 0;
  let fileProblem: FileProblem | null = null;
  // Stored as JSON: PostgreSQL's jsonb cannot hold NUL characters, so they are shown as �.
  const visible = (text: string | null | undefined) => text?.replace(/\u0000/g, "\uFFFD") ?? null;
  const note = (p: RowProblem) => {
    problemCount++;
    if (problems.length < KEPT_PROBLEMS) problems.push({ ...p, column: visible(p.column), ...(p.value !== undefined ? { value: visible(p.value)! } : {}) });
  };

  if (file.size > IMPORT_MAX_BYTES) fileProblem = { reason: "FILE_TOO_LARGE" };
  else if (!file.head.replace(/^\uFEFF/, "").trim()) fileProblem = { reason: "EMPTY_FILE" };
  let rows = 0;
  if (!fileProblem) {
    const parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: IMPORT_MAX_RECORD_BYTES, info: true });
    // The parser's own error ends the loop below; the pipeline only must not leave it unhandled.
    const reading = pipeline(createReadStream(path), decoder(file.encoding), parser).catch(() => undefined);
    const ids = new Set<string>();
    let header: ReturnType<typeof mapHeader> | null = null;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const staging = stagingWriter(client, created.id);
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (!header) {
          if (record.length > MAX_COLUMNS) {
            fileProblem = { reason: "TOO_MANY_COLUMNS", line: 1 };
            break;
          }
          header = mapHeader(record);
          if (header.problems.length) {
            header.problems.forEach(note);
            fileProblem = { reason: "WRONG_HEADER", line: 1 };
            break;
          }
          continue;
        }
        if (record.every((cell) => cell.trim() === "")) continue; // a spreadsheet's empty row
        rows++;
        const { row, problems: found } = parseRow(record, header.map, info.lines, now);
        found.forEach(note);
        if (!row) continue;
        if (ids.has(row.id)) {
          note({ line: info.lines, column: "id", reason: "DUPLICATE_ID", value: row.id });
          continue;
        }
        ids.add(row.id);
        if (!staging.write({ ...row, line: info.lines })) await staging.drained();
      }
      await staging.end();
      if (!header && !fileProblem) fileProblem = { reason: "EMPTY_FILE" };
      else if (header && rows === 0 && !fileProblem) fileProblem = { reason: "ONLY_HEADER" };
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      if (!PARSE_ERRORS[code] && !(error as { lines?: number }).lines) throw error;
      fileProblem = { reason: PARSE_ERRORS[code] ?? "UNREADABLE", line: (error as { lines?: number }).lines };
    } finally {
      parser.destroy();
      await reading;
      if (fileProblem) await staging.abort();
      await client.end().catch(() => undefined);
    }
  }

  let preview: ImportPreview;
  if (fileProblem) {
    await db.csvImportRow.deleteMany({ where: { importId: created.id } });
    preview = { fileProblem, problems, problemCount, perType: null, sample: [], missingLinks: 0 };
  } else {
    const figures = await computeImportFigures(db, { importId: created.id, accountId });
    for (const line of figures.foreignLines) note({ line, column: "id", reason: "ID_OF_ANOTHER_ACCOUNT" });
    preview = { fileProblem: null, problems: problems.sort((a, b) => a.line - b.line), problemCount, perType: figures.perType, sample: figures.sample, missingLinks: figures.missingLinks };
  }
  await db.csvImport.update({ where: { id: created.id }, data: { rowCount: rows, preview } });
  return created.id;
}
