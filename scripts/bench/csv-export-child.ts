// One CSV export in a fresh process, so its peak memory is the export's own:
// tsx --conditions=react-server scripts/bench/csv-export-child.ts <databaseUrl> <snapshotId> <file>
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import pg from "pg";
import { exportSnapshotCsv } from "@/lib/restore/csv-export";

async function main() {
  const [databaseUrl, snapshotId, file] = process.argv.slice(2);
  const client = new pg.Client({ connectionString: databaseUrl, options: "-c TimeZone=UTC" });
  await client.connect();
  const rssAtStart = process.memoryUsage.rss();
  const started = performance.now();
  const out = createWriteStream(file);
  const result = await exportSnapshotCsv({ client, snapshotId, out });
  await finished(out);
  const elapsed = performance.now() - started;
  await client.end();
  const rows = Object.values(result.rowCounts).reduce((a, b) => a + b, 0);
  process.stdout.write(JSON.stringify({ elapsed, rows, rssAtStart, maxRss: process.resourceUsage().maxRSS * 1024 }));
}

void main();
