// A snapshot taken in a process of its own, killed (SIGKILL) right after the
// named table's versions were written (or, for "loss-alerts", right after the
// loss alerts and their notifications were), inside the snapshot's transaction:
// node --import tsx --conditions=react-server lib/testing/take-snapshot-child.ts <databaseUrl> <accountId> <killAfterTable|-> [takenAt ISO]
// ("-": never killed — the e2e takes the next daily snapshot this way).
import { createPrismaClient } from "@/lib/db/client";
import { takeSnapshot } from "@/lib/snapshots/take-snapshot";

async function main() {
  const [databaseUrl, accountId, killAfter, takenAt] = process.argv.slice(2);
  const db = createPrismaClient(databaseUrl, { max: 2 });
  await db.$queryRaw`SELECT 1`;
  process.stdout.write("ready\n");
  await takeSnapshot({
    db,
    accountId,
    kind: "DAILY",
    ...(takenAt ? { takenAt: new Date(takenAt) } : {}),
    onTable: (key) => {
      if (key === killAfter) process.kill(process.pid, "SIGKILL");
    },
    afterLossAlerts: () => {
      if (killAfter === "loss-alerts") process.kill(process.pid, "SIGKILL");
    },
  });
  await db.$disconnect();
  process.stdout.write("done\n");
}

void main();
