// npm run snapshot: takes a snapshot of every account now, then prunes
// snapshots past retention (held ones stay).
import { createPrismaClient } from "@/lib/db/client";
import { takeSnapshot } from "@/lib/snapshots/take-snapshot";
import { pruneSnapshots } from "@/lib/snapshots/prune-snapshots";
import { retentionDaysFromEnv } from "@/lib/retention/retention";

async function main() {
  const db = createPrismaClient(process.env.DATABASE_URL!);
  try {
    const accounts = await db.account.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
    for (const account of accounts) {
      const started = performance.now();
      const snapshot = await takeSnapshot({ db, accountId: account.id, kind: "MANUAL" });
      const rows = Object.values(snapshot.rowCounts).reduce((a, b) => a + b, 0);
      console.log(`${account.name}: ${rows.toLocaleString("en")} rows in ${Math.round(performance.now() - started)} ms`);
    }
    const pruned = await pruneSnapshots({ db, retentionDays: retentionDaysFromEnv(process.env.SNAPSHOT_RETENTION_DAYS) });
    console.log(`Pruned ${pruned.length} snapshot(s) past retention.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
