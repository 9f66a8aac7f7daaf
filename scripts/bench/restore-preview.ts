import type { Db } from "@/lib/db/client";
import { ACCOUNT_TABLE_KEYS, ACCOUNT_TABLES, quoteIdent } from "@/lib/account-data/tables";
import { computeRestorePreview } from "@/lib/preview/restore-preview";
import { totals } from "@/lib/preview/preview-figures";
import { applyDailyChurn } from "@/lib/seed/account-history";
import { SCALE_ACCOUNT_SLUG, scaleCounts, seedScaleAccount } from "@/lib/seed/seed-demo";
import { takeSnapshot } from "@/lib/snapshots/take-snapshot";
import { timePlainCopy } from "@/lib/snapshots/plain-copy-baseline";
import { ms, ratio } from "./stats";

/**
 * The scale account: `crmRows` CRM items plus activities, comments and
 * history; a snapshot, then a day of churn so a restore has work to do.
 * Rebuilt when absent or of another size.
 */
export async function ensureScaleAccount(db: Db, crmRows: number) {
  const account = await db.account.findUnique({ where: { portalAddress: `${SCALE_ACCOUNT_SLUG}.crm.example` }, include: { snapshots: { orderBy: { takenAt: "desc" }, take: 1 } } });
  const expected = scaleCounts(crmRows);
  const counts = account?.snapshots[0]?.rowCounts as Record<string, number> | undefined;
  if (account && counts && counts.contact === expected.contact) return { accountId: account.id, snapshotId: account.snapshots[0].id, rebuilt: false };
  console.log(`  building the scale account (${crmRows.toLocaleString("en")} CRM items)…`);
  const { accountId } = await seedScaleAccount({ db, crmRows });
  const snapshot = await takeSnapshot({ db, accountId, kind: "DAILY", takenAt: new Date(Date.now() - 60 * 60 * 1000) });
  const next = Object.fromEntries(ACCOUNT_TABLE_KEYS.map((k) => [k, expected[k] + 1])) as typeof expected;
  await applyDailyChurn(db, accountId, next, [new Date(Date.now() - 60 * 60 * 1000), new Date()], "bench");
  return { accountId, snapshotId: snapshot.id, rebuilt: true };
}

export async function benchSnapshotAndPreview(db: Db, crmRows: number) {
  console.log(`\n## Snapshot and restore preview — scale account`);
  const { accountId, snapshotId } = await ensureScaleAccount(db, crmRows);
  const rows = Object.values((await db.snapshot.findUniqueOrThrow({ where: { id: snapshotId } })).rowCounts as Record<string, number>).reduce((a, b) => a + b, 0);

  const plain = await timePlainCopy(db, accountId);
  const started = performance.now();
  const snapshot = await takeSnapshot({ db, accountId, kind: "MANUAL" });
  const snap = performance.now() - started;
  // The bench snapshot is not part of the account's history.
  await db.$transaction(async (tx) => {
    for (const table of ACCOUNT_TABLES) {
      await tx.$executeRawUnsafe(`DELETE FROM ${quoteIdent(table.snapshotTable)} WHERE "snapshotId" = $1::uuid`, snapshot.id);
    }
    await tx.snapshot.delete({ where: { id: snapshot.id } });
  }, { timeout: 10 * 60 * 1000 });
  const liveRows = Object.values(snapshot.rowCounts).reduce((a, b) => a + b, 0);
  console.log(`  rows in the account                 ${liveRows.toLocaleString("en")}`);
  console.log(`  snapshot (copy + counts + checksums) ${ms(snap)} (${Math.round(liveRows / (snap / 1000)).toLocaleString("en")} rows/s)`);
  console.log(`  plain INSERT … SELECT, same rows     ${ms(plain)}; ratio ${ratio(snap, plain)} (target ≤ 1.3×)`);

  const t0 = performance.now();
  const preview = await computeRestorePreview({ db, accountId, snapshotId });
  const previewMs = performance.now() - t0;
  const sum = totals(preview.figures);
  console.log(`  restore preview vs a ${rows.toLocaleString("en")}-row snapshot ${ms(previewMs)} (target < 5 s): delete ${sum.delete}, bring back ${sum.bringBack}, revert ${sum.revert}`);
}
