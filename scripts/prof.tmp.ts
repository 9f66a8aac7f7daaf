import { createPrismaClient } from "@/lib/db/client";
import { restoreAccountFromSnapshot } from "@/lib/restore/full-restore";
import { applyDailyChurn } from "@/lib/seed/account-history";
import { ACCOUNT_TABLE_KEYS } from "@/lib/account-data/tables";
async function main() {
const db = createPrismaClient(process.env.DATABASE_URL!);
const acc = await db.account.findFirstOrThrow({ where: { portalAddress: { startsWith: "scale" } }, include: { snapshots: { where: { kind: "DAILY" }, orderBy: { takenAt: "desc" }, take: 1 } } });
const s = acc.snapshots[0];
const next = Object.fromEntries(ACCOUNT_TABLE_KEYS.map((k) => [k, 9000000])) as any;
await applyDailyChurn(db, acc.id, next, [new Date(Date.now() - 3_600_000), new Date()], `x-${Date.now()}`);
let t = performance.now();
const marks: string[] = [];
await db.$transaction(async (tx) => {
  await tx.$executeRawUnsafe(`SET LOCAL enable_nestloop = off`);
  await restoreAccountFromSnapshot(tx, { accountId: acc.id, source: { id: s.id, checksums: s.checksums as any, sizeBytes: s.sizeBytes },
    onProgress: () => {},
    onPhaseDone: async (p) => { marks.push(`${p.phase} ${(performance.now() - t).toFixed(0)}ms`); t = performance.now(); } });
  throw new Error("rollback");
}, { timeout: 600000 }).catch((e) => console.log(e.message));
console.log(marks.join("\n"));
await db.$disconnect();
}
void main();
