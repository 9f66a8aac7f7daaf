import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { finished, pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "@/lib/db/client";
import { IMPORT_ORDER, importTable } from "@/lib/import/import-figures";
import { exportSnapshotToFile } from "@/lib/testing/csv-files";
import { quoteIdent } from "@/lib/account-data/tables";
import { ensureScaleAccount } from "./restore-preview";
import { ms, ratio } from "./stats";

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Every `step`-th data row of a restore CSV (the generated data has no multi-line cells), with the header. */
async function sampleRows(source: string, target: string, step: number): Promise<{ rows: number; ids: Map<string, string[]> }> {
  const out = createWriteStream(target);
  const ids = new Map<string, string[]>();
  let line = 0;
  let rows = 0;
  for await (const text of createInterface({ input: createReadStream(source), crlfDelay: Infinity })) {
    if (line++ === 0 || (line - 2) % step === 0) {
      out.write(`${text}\r\n`);
      if (line > 1) {
        const [type, id] = text.split(",", 2);
        (ids.get(type) ?? ids.set(type, []).get(type)!).push(id);
        rows++;
      }
    }
  }
  out.end();
  await finished(out);
  return { rows, ids };
}

/**
 * Issue 6's figure: importing a 100,000-row restore CSV end to end (parse,
 * check, stage, apply) — the realistic case, rows that were deleted coming
 * back — next to PostgreSQL's own COPY FROM of the same file, same run.
 */
export async function benchCsvImport(db: Db, url: string, crmRows: number, importRows = 100_000) {
  console.log(`\n## CSV import — ${importRows.toLocaleString("en")} rows of the scale account's restore file`);
  const { accountId, snapshotId } = await ensureScaleAccount(db, crmRows);
  const account = await db.account.findUniqueOrThrow({ where: { id: accountId } });
  const dir = mkdtempSync(path.join(tmpdir(), "rd-import-bench-"));
  const client = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    const full = path.join(dir, "full.csv");
    const exported = await exportSnapshotToFile(url, snapshotId, full);
    const total = Object.values(exported.rowCounts).reduce((a, b) => a + b, 0);
    const file = path.join(dir, "import.csv");
    const { rows, ids } = await sampleRows(full, file, Math.max(1, Math.floor(total / importRows)));

    // The reference: COPY FROM of the same file into a table of text columns.
    await client.query(`CREATE TEMP TABLE copy_reference (${exported.columns.map((_, i) => `c${i} text`).join(", ")})`);
    const copyStarted = performance.now();
    await pipeline(createReadStream(file), client.query(copyFrom(`COPY copy_reference FROM STDIN WITH (FORMAT csv, HEADER)`)));
    const copyMs = performance.now() - copyStarted;

    // The deletion the import repairs.
    for (const type of IMPORT_ORDER) {
      await db.$executeRawUnsafe(`DELETE FROM ${quoteIdent(importTable(type).table)} WHERE "accountId" = $1::uuid AND id = ANY($2::uuid[])`, accountId, ids.get(type) ?? []);
    }
    const child = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/bench/csv-import-child.ts", url, accountId, account.ownerId!, file], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`the import process failed: ${child.stderr.slice(-2000)}`);
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { stagingMs: number; applyMs: number; created: number; rssAtStart: number; maxRss: number };
    if (result.created !== rows) throw new Error(`import created ${result.created} of ${rows} rows`);
    const elapsed = result.stagingMs + result.applyMs;

    console.log(`  import (parse + check + stage + apply), ${rows.toLocaleString("en")} rows ${ms(elapsed)} → ${Math.round(rows / (elapsed / 1000)).toLocaleString("en")} rows/s (target ≥ 20,000 rows/s); staging ${ms(result.stagingMs)}, apply ${ms(result.applyMs)}`);
    console.log(`  COPY FROM of the same file            ${ms(copyMs)} → ${Math.round(rows / (copyMs / 1000)).toLocaleString("en")} rows/s; ratio ${ratio(elapsed, copyMs)}`);
    console.log(`  peak RSS of the importing process      ${mb(result.maxRss)} (${mb(result.rssAtStart)} once loaded; target < 300 MB)`);
  } finally {
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
