// One import in a fresh process, so its peak memory is the import's own:
// tsx --conditions=react-server scripts/bench/csv-import-child.ts <databaseUrl> <accountId> <userId> <file>
import { createPrismaClient } from "@/lib/db/client";
import { applyImport } from "@/lib/import/apply-import";
import { IMPORT_ORDER } from "@/lib/import/import-figures";
import { stageImport } from "@/lib/import/stage-import";

async function main() {
  const [databaseUrl, accountId, userId, file] = process.argv.slice(2);
  const db = createPrismaClient(databaseUrl);
  const rssAtStart = process.memoryUsage.rss();
  const started = performance.now();
  const importId = await stageImport({ db, databaseUrl, accountId, userId, path: file, fileName: "bench.csv", mode: "ONLY_MISSING" });
  const staged = performance.now();
  const figures = await applyImport({ db, accountId, importId });
  const done = performance.now();
  await db.$disconnect();
  process.stdout.write(
    JSON.stringify({
      stagingMs: staged - started,
      applyMs: done - staged,
      created: IMPORT_ORDER.reduce((n, type) => n + figures[type].created, 0),
      rssAtStart,
      // The kernel's high-water mark for this process (KiB).
      maxRss: process.resourceUsage().maxRSS * 1024,
    }),
  );
}

void main();
