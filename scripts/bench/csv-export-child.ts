// One CSV export in a fresh process, so its peak memory is the export's own:
// tsx --conditions=react-server scripts/bench/csv-export-child.ts <databaseUrl> <snapshotId> <file>
import { exportSnapshotToFile } from "@/lib/testing/csv-files";

async function main() {
  const [databaseUrl, snapshotId, file] = process.argv.slice(2);
  const rssAtStart = process.memoryUsage.rss();
  const started = performance.now();
  const result = await exportSnapshotToFile(databaseUrl, snapshotId, file);
  const elapsed = performance.now() - started;
  const rows = Object.values(result.rowCounts).reduce((a, b) => a + b, 0);
  process.stdout.write(JSON.stringify({ elapsed, rows, rssAtStart, maxRss: process.resourceUsage().maxRSS * 1024 }));
}

void main();
