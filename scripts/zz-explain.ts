import { createPrismaClient } from "@/lib/db/client";
async function main() {
  const db = createPrismaClient("postgresql://postgres:postgres@127.0.0.1:4410/restoredesk");
  const acc = "dc4cbbce-f73c-4bb7-877e-72706412242a";
  for (const sql of process.argv.slice(2)) {
    const t0 = performance.now();
    const rows = await db.$queryRawUnsafe<Record<string, string>[]>(sql.replaceAll("$ACC", `'${acc}'::uuid`));
    console.log(`${(performance.now() - t0).toFixed(0)} ms`);
    for (const r of rows.slice(0, 60)) console.log(Object.values(r).join(" | "));
  }
  await db.$disconnect();
}
main();
