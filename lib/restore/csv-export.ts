import "server-only";
import { createHash } from "node:crypto";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { CopyTextRows } from "@/lib/restore/copy-text-rows";
import { quoteIdent, versionsAt, type AccountTable } from "@/lib/account-data/tables";
import {
  CSV_BASE_COLUMNS,
  CSV_ITEM_TABLES,
  CUSTOM_FIELDS_COLUMN,
  csvHeader,
  customColumnsFrom,
  neutraliseCell,
  type CsvItemType,
  type CustomColumn,
} from "@/lib/csv/csv-format";

export type CsvExportResult = { sizeBytes: bigint; sha256: string; rowCounts: Record<CsvItemType, number>; columns: string[] };

// Values that can never start with a formula character: left as they are.
const UNGUARDED = new Set(["type", "id", "companyId", "contactId", "createdAt", "updatedAt", "closeDate"]);
const TIMESTAMPS = new Set(["createdAt", "updatedAt"]);
const PROGRESS_EVERY_ROWS = 5000;
const OUTPUT_CHUNK_BYTES = 256 * 1024;

/** Where a snapshot's rows are: its account and its place in the account's sequence of snapshots. */
type SnapshotPoint = { accountId: string; seq: number };

/** The custom-field keys present in the snapshot's CRM items, with the JSON types of their values. */
async function customColumns(client: pg.Client, point: SnapshotPoint): Promise<CustomColumn[]> {
  const items = CSV_ITEM_TABLES.map((t) => `SELECT v."${CUSTOM_FIELDS_COLUMN}" AS cf FROM ${quoteIdent(t.versionTable)} v WHERE ${versionsAt("v", "$1::uuid", "$2")}`).join(" UNION ALL ");
  const { rows } = await client.query<{ key: string; type: string }>(`SELECT DISTINCT e.key, jsonb_typeof(e.value) AS type FROM (${items}) x, jsonb_each(x.cf) e`, [point.accountId, point.seq]);
  const types = new Map<string, string[]>();
  for (const { key, type } of rows) types.set(key, [...(types.get(key) ?? []), type]);
  return customColumnsFrom([...types].map(([key, list]) => ({ key, types: list })));
}

/** One SELECT per item type, its columns already in the file's layout and text form; literals inlined (COPY takes no parameters). */
function itemQuery(client: pg.Client, table: AccountTable, custom: readonly CustomColumn[], point: SnapshotPoint): string {
  const base = CSV_BASE_COLUMNS.map((column) => {
    if (column === "type") return `'${table.key}'`;
    if (!table.columns.includes(column)) return "NULL";
    const ref = `s.${quoteIdent(column)}`;
    return TIMESTAMPS.has(column) ? `to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : `${ref}::text`;
  });
  // Custom-field keys are data: escaped as literals by the driver.
  const customCells = custom.map((c) => {
    const key = client.escapeLiteral(c.key);
    return c.type === "json" ? `(s."${CUSTOM_FIELDS_COLUMN}" -> ${key})::text` : `s."${CUSTOM_FIELDS_COLUMN}" ->> ${key}`;
  });
  return `SELECT ${[...base, ...customCells].join(", ")} FROM ${quoteIdent(table.versionTable)} s WHERE ${versionsAt("s", `${client.escapeLiteral(point.accountId)}::uuid`, String(Math.trunc(point.seq)))} ORDER BY s.id`;
}

export type ExportPlan = { columns: string[]; guarded: boolean[]; queries: { type: CsvItemType; sql: string }[] };

/** The file's columns and the four SELECTs that produce its rows (also the benchmark's COPY reference). */
export async function planSnapshotExport(client: pg.Client, snapshotId: string): Promise<ExportPlan> {
  const { rows } = await client.query<SnapshotPoint>(`SELECT "accountId"::text AS "accountId", seq FROM snapshot WHERE id = $1::uuid`, [snapshotId]);
  if (!rows[0]) throw new Error(`Snapshot ${snapshotId} does not exist`);
  const point = rows[0];
  const custom = await customColumns(client, point);
  const columns = csvHeader(custom);
  return {
    columns,
    guarded: columns.map((c, i) => i >= CSV_BASE_COLUMNS.length || !UNGUARDED.has(c)),
    queries: CSV_ITEM_TABLES.map((table) => ({ type: table.key as CsvItemType, sql: itemQuery(client, table, custom, point) })),
  };
}

/**
 * Writes the restore CSV of a snapshot (SPEC §6) to `out`: UTF-8 with BOM,
 * CRLF, every company, contact, deal and lead with all fields and custom
 * fields, formula cells neutralised. Rows stream out of the database (COPY,
 * with backpressure) through csv-stringify to the file, hashed on the way:
 * memory stays flat whatever the size, and the database works while
 * Node formats.
 */
export async function exportSnapshotCsv({
  client,
  snapshotId,
  out,
  onRows,
}: {
  client: pg.Client;
  snapshotId: string;
  out: NodeJS.WritableStream;
  onRows?: (rowsDone: number) => void;
}): Promise<CsvExportResult> {
  const { columns, guarded, queries } = await planSnapshotExport(client, snapshotId);

  // csv-stringify emits one small chunk per record: gathered into large
  // chunks before hashing and writing, or the file system calls dominate.
  const hash = createHash("sha256");
  let sizeBytes = 0n;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const release = (push: (chunk: Buffer) => void) => {
    if (!pendingBytes) return;
    const chunk = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    hash.update(chunk);
    sizeBytes += BigInt(chunk.length);
    push(chunk);
  };
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= OUTPUT_CHUNK_BYTES) release((c) => this.push(c));
      done();
    },
    flush(done) {
      release((c) => this.push(c));
      done();
    },
  });
  const csv = stringify({ bom: true, header: true, columns, record_delimiter: "\r\n" });
  const written = pipeline(csv, measure, out);

  const rowCounts = { company: 0, contact: 0, deal: 0, lead: 0 } as Record<CsvItemType, number>;
  let rowsDone = 0;
  const guard = (type: CsvItemType) =>
    new Transform({
      objectMode: true,
      transform(row: (string | null)[], _encoding, done) {
        for (let i = 0; i < row.length; i++) {
          const cell = row[i];
          if (cell && guarded[i]) row[i] = neutraliseCell(cell);
        }
        rowCounts[type]++;
        if (++rowsDone % PROGRESS_EVERY_ROWS === 0) onRows?.(rowsDone);
        done(null, row);
      },
    });
  try {
    for (const query of queries) {
      await pipeline(client.query(copyTo(`COPY (${query.sql}) TO STDOUT`)), new CopyTextRows(), guard(query.type), csv, { end: false });
    }
    csv.end();
  } catch (error) {
    csv.destroy(error as Error);
  }
  await written;
  onRows?.(rowsDone);
  return { sizeBytes, sha256: hash.digest("hex"), rowCounts, columns };
}
