// A run executed in a process of its own, for fault-injection tests that
// kill it (SIGKILL) at a named point — `<phase>:<table>` as the run reports
// its progress, e.g. `REPLACING:contact` or `FINISHING:` — or from outside:
// node --import tsx --conditions=react-server lib/testing/execute-run-child.ts <databaseUrl> <runId> <storageRoot> [killAt]
import { createPrismaClient } from "@/lib/db/client";
import { executeRun } from "@/lib/restore/execute-run";

async function main() {
  const [databaseUrl, runId, storageRoot, killAt] = process.argv.slice(2);
  const db = createPrismaClient(databaseUrl, { max: 4 });
  await db.$queryRaw`SELECT 1`;
  process.stdout.write("ready\n");
  const onProgress = killAt
    ? (update: { phase: string; table: string | null }) => {
        if (`${update.phase}:${update.table ?? ""}` === killAt) process.kill(process.pid, "SIGKILL");
      }
    : undefined;
  await executeRun({ db, databaseUrl, storageRoot, onProgress }, runId);
  await db.$disconnect();
  process.stdout.write("done\n");
}

void main();
