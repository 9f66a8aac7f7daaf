import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import pg from "pg";
import { exportSnapshotCsv } from "@/lib/restore/csv-export";

/** A snapshot's restore CSV written to `file`, as the export writes it (for import tests and benchmarks). */
export async function exportSnapshotToFile(databaseUrl: string, snapshotId: string, file: string) {
  const client = new pg.Client({ connectionString: databaseUrl, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    const out = createWriteStream(file);
    const result = await exportSnapshotCsv({ client, snapshotId, out });
    await finished(out);
    return result;
  } finally {
    await client.end();
  }
}
