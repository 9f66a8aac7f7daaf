// A run executed in a process of its own, for fault-injection tests that
// stop it at a named point (RD_TEST_FAULT_POINT, see reach-fault-point.ts) and kill it:
// node --import tsx --conditions=react-server lib/testing/execute-run-child.ts <databaseUrl> <runId> <storageRoot>
import { createPrismaClient } from "@/lib/db/client";
import { runJobKey } from "@/lib/jobs/job-names";
import { executeRun } from "@/lib/restore/execute-run";

async function main() {
  const [databaseUrl, runId, storageRoot] = process.argv.slice(2);
  const db = createPrismaClient(databaseUrl, { max: 4 });
  // This process stands for the worker that took the run's job: the job leaves the queue.
  await db.$queryRaw`SELECT graphile_worker.remove_job(${runJobKey(runId)})::text`;
  process.stdout.write("ready\n");
  await executeRun({ db, databaseUrl, storageRoot }, runId);
  await db.$disconnect();
  process.stdout.write("done\n");
}

void main();
