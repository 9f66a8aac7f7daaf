import "server-only";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type pg from "pg";
import QueryStream from "pg-query-stream";
import { quoteIdent, type AccountTable } from "@/lib/account-data/tables";
import {
  CSV_BASE_COLUMNS,
  CSV_ITEM_TABLES,
  CUSTOM_FIELDS_COLUMN,
  csvHeader,
  customColumnsFrom,
  neutraliseCell,
  type CsvItemType,
  type CustomColumn,
} from "@/lib/restore/csv-format";

export type CsvExportResult = { sizeBytes: bigint; sha256: string; rowCounts: Record<CsvItemType, number>; columns: string[] };

// Values that can never start with a formula character: left as they are.
const UNGUARDED = new Set(["type", "id", "companyId", "contactId", "createdAt", "updatedAt", "closeDate"]);
const TIMESTAMPS = new Set(["createdAt", "updatedAt"]);
const BATCH_ROWS = 2000;

/** The custom-field keys present in the snapshot's CRM items, with the JSON types of their values. */
async function customColumns(client: pg.Client, snapshotId: string): Promise<CustomColumn[]> {
  const items = CSV_ITEM_TABLES.map((t) => `SELECT "${CUSTOM_FIELDS_COLUMN}" AS cf FROM ${quoteIdent(t.snapshotTable)} WHERE "snapshotId" = $1::uuid`).join(" UNION ALL ");
  const { rows } = await client.query<{ key: string; types: string[] }>(
    `SELECT e.key, array_agg(DISTINCT jsonb_typeof(e.value)) AS types FROM (${items}) x, jsonb_each(x.cf) e GROUP BY e.key`,
    [snapshotId],
  );
  return customColumnsFrom(rows);
}

/** One SELECT per item type, its columns already in the file's layout and text form. */
function itemQuery(table: AccountTable, custom: readonly CustomColumn[]): string {
  const base = CSV_BASE_COLUMNS.map((column) => {
    if (column === "type") return `'${table.key}'`;
    if (!table.columns.includes(column)) return "NULL";
    const ref = `s.${quoteIdent(column)}`;
    return TIMESTAMPS.has(column) ? `to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : `${ref}::text`;
  });
  // Custom-field keys are data, so they travel as parameters ($2, $3, …).
  const customCells = custom.map((c, i) => (c.type === "json" ? `(s."${CUSTOM_FIELDS_COLUMN}" -> $${i + 2})::text` : `s."${CUSTOM_FIELDS_COLUMN}" ->> $${i + 2}`));
  return `SELECT ${[...base, ...customCells].join(", ")} FROM ${quoteIdent(table.snapshotTable)} s WHERE s."snapshotId" = $1::uuid ORDER BY s.id`;
}

/**
 * Writes the restore CSV of a snapshot (SPEC §6) to `out`: UTF-8 with BOM,
 * CRLF, every company, contact, deal and lead with all fields and custom
 * fields, formula cells neutralised. Rows stream from a database cursor
 * through csv-stringify to the file, hashed on the way: memory stays flat
 * whatever the size.
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
  const custom = await customColumns(client, snapshotId);
  const columns = csvHeader(custom);
  const guarded = columns.map((c, i) => i >= CSV_BASE_COLUMNS.length || !UNGUARDED.has(c));

  const hash = createHash("sha256");
  let sizeBytes = 0n;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      sizeBytes += BigInt(chunk.length);
      done(null, chunk);
    },
  });
  const csv = stringify({ bom: true, header: true, columns, record_delimiter: "\r\n" });
  const written = pipeline(csv, measure, out);

  const rowCounts = { company: 0, contact: 0, deal: 0, lead: 0 } as Record<CsvItemType, number>;
  let rowsDone = 0;
  try {
    for (const table of CSV_ITEM_TABLES) {
      const rows = client.query(new QueryStream(itemQuery(table, custom), [snapshotId, ...custom.map((c) => c.key)], { rowMode: "array", batchSize: BATCH_ROWS }));
      for await (const row of rows as AsyncIterable<(string | null)[]>) {
        for (let i = 0; i < row.length; i++) {
          const cell = row[i];
          if (cell && guarded[i]) row[i] = neutraliseCell(cell);
        }
        if (!csv.write(row)) await once(csv, "drain");
        rowCounts[table.key as CsvItemType]++;
        if (++rowsDone % BATCH_ROWS === 0) onRows?.(rowsDone);
      }
    }
    csv.end();
  } catch (error) {
    csv.destroy(error as Error);
  }
  await written;
  onRows?.(rowsDone);
  return { sizeBytes, sha256: hash.digest("hex"), rowCounts, columns };
}
