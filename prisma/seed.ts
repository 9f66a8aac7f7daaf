// npm run db:seed [-- --reset | --scale=1000000 | --tickets=100000]
// Deterministic demo data (SPEC §11). Safe to run twice: an already seeded
// database is left alone unless --reset is given.
import { createPrismaClient } from "@/lib/db/client";
import { isSeeded, seedDemo, seedScaleAccount, truncateAll } from "@/lib/seed/seed-demo";
import { takeSnapshot } from "@/lib/snapshots/take-snapshot";
import { seedBenchTickets } from "@/lib/seed/bench-tickets";
import { timePlainCopy } from "@/lib/snapshots/plain-copy-baseline";
import { fileStorageRoot } from "@/lib/storage/file-storage";
import { describeStorage, storageFigures } from "@/lib/snapshots/storage-figures";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];

function parseCount(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50_000_000) {
    console.error(`--${name} must be a whole number between 1 and 50,000,000 (got "${value}").`);
    process.exit(2);
  }
  return n;
}

const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString("en")} rows/s`;

async function main() {
  const scale = parseCount("scale", option("scale"));
  const tickets = parseCount("tickets", option("tickets"));
  const db = createPrismaClient(process.env.DATABASE_URL!);
  try {
    const seeded = await isSeeded(db);
    if (flag("reset") && seeded) {
      console.log("Resetting the demo data…");
      await truncateAll(db);
    }
    if (!seeded || flag("reset")) {
      console.log("Seeding demo data…");
      const started = performance.now();
      const { rows } = await seedDemo({ db, runs: { databaseUrl: process.env.DATABASE_URL!, storageRoot: fileStorageRoot() }, log: console.log });
      const ms = performance.now() - started;
      console.log(`Demo data ready: ${rows.toLocaleString("en")} rows + 7 days of snapshots in ${(ms / 1000).toFixed(1)} s.`);
      console.log(`Backups: ${describeStorage(await storageFigures(db))}.`);
    } else if (!scale && !tickets) {
      console.log(flag("if-empty") ? "Demo data present." : "Demo data already present (use --reset to rebuild it).");
    }
    if (scale) {
      console.log(`Seeding the scale account with ${scale.toLocaleString("en")} CRM items…`);
      let started = performance.now();
      const { accountId, rows } = await seedScaleAccount({ db, crmRows: scale });
      const loadMs = performance.now() - started;
      console.log(`  loaded ${rows.toLocaleString("en")} rows in ${(loadMs / 1000).toFixed(1)} s (${rate(rows, loadMs)})`);
      const plainMs = await timePlainCopy(db, accountId);
      started = performance.now();
      await takeSnapshot({ db, accountId, kind: "MANUAL" });
      const snapMs = performance.now() - started;
      console.log(`  snapshot ${(snapMs / 1000).toFixed(1)} s (${rate(rows, snapMs)}); plain INSERT … SELECT ${(plainMs / 1000).toFixed(1)} s; ratio ${(snapMs / plainMs).toFixed(2)}×`);
    }
    if (tickets) {
      const started = performance.now();
      await seedBenchTickets({ db, count: tickets });
      console.log(`Seeded ${tickets.toLocaleString("en")} benchmark tickets in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
