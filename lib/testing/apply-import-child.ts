// An import applied in a process of its own, for fault-injection tests that
// kill it (SIGKILL) at a named point (RD_TEST_FAULT_POINT) or a random moment:
// node --import tsx --conditions=react-server lib/testing/apply-import-child.ts <databaseUrl> <accountId> <importId>
import { createPrismaClient } from "@/lib/db/client";
import { applyImport } from "@/lib/import/apply-import";

async function main() {
  const [databaseUrl, accountId, importId] = process.argv.slice(2);
  const db = createPrismaClient(databaseUrl, { max: 2 });
  await db.$queryRaw`SELECT 1`;
  process.stdout.write("ready\n");
  await applyImport({ db, accountId, importId });
  await db.$disconnect();
  process.stdout.write("done\n");
}

void main();
