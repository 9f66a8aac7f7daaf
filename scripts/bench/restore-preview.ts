import type { Db } from "@/lib/db/client";
import { ACCOUNT_TABLE_KEYS } from "@/lib/account-data/tables";
import { computeRestorePreview } from "@/lib/preview/restore-preview";
import { totals } from "@/lib/preview/preview-figures";
import { applyDailyChurn } from "@/lib/seed/account-history";
import { SCALE_ACCOUNT_SLUG, scaleCounts, seedScaleAccount } from "@/lib/seed/seed-demo";
import { copyAccountIntoSnapshot, takeSnapshot } from "@/lib/snapshots/take-snapshot";
import { timeInRolledBackTransaction, timePlainCopy } from "@/lib/snapshots/plain-copy-baseline";
import { describeStorage, storageFigures } from "@/lib/snapshots/storage-figures";
import { ms, ratio } from "./stats";

const DAY = 24 * 60 * 60 * 1000;
/** Daily snapshots the scale account keeps, as the retention window does. */
const DAILY_SNAPSHOTS = 7;

/**
 * The scale account: `crmRows` CRM items plus activities, comments and
 * history; seven daily snapshots with a day of churn (~6 % of rows added,
 * edited or deleted) before each of the later ones and after the last, so a
 * restore has work to do. Rebuilt when absent or of another size.
 */
export async function ensureScaleAccount(db: Db, crmRows: number) {
  const account = await db.account.findUnique({ where: { portalAddress: `${SCALE_ACCOUNT_SLUG}.crm.example` }, include: { snapshots: { orderBy: { seq: "desc" } } } });
  const expected = scaleCounts(crmRows);
  const latest = account?.snapshots[0];
  const counts = latest?.rowCounts as Record<string, number> | undefined;
  if (account && counts && account.snapshots.length >= DAILY_SNAPSHOTS && Math.abs(counts.contact - expected.contact) < expected.contact * 0.2) {
    return { accountId: account.id, snapshotId: latest!.id, rebuilt: false };
  }
  console.log(`  building the scale account (${crmRows.toLocaleString("en")} CRM items, ${DAILY_SNAPSHOTS} daily snapshots with a day of churn between)…`);
  const { accountId } = await seedScaleAccount({ db, crmRows });
  const next = Object.fromEntries(ACCOUNT_TABLE_KEYS.map((k) => [k, expected[k] + 1])) as typeof expected;
  const now = Date.now();
  let snapshotId = "";
  for (let day = DAILY_SNAPSHOTS; day >= 1; day--) {
    const takenAt = new Date(now - day * DAY + 60 * 60 * 1000);
    snapshotId = (await takeSnapshot({ db, accountId, kind: "DAILY", takenAt })).id;
    await applyDailyChurn(db, accountId, next, [takenAt, new Date(takenAt.getTime() + DAY - 2 * 60 * 60 * 1000)], `bench-${day}`);
  }
  return { accountId, snapshotId, rebuilt: true };
}

/**
 * What loss detection adds to the daily job: in one rolled-back transaction,
 * a snapshot (untimed: it consumes whatever the change log holds, e.g. a
 * benchmark restore's rewrite), a day of churn (untimed), then the timed
 * daily snapshot — with detection or without, alternated, best of three each.
 */
async function benchLossDetection(db: Db, accountId: string, crmRows: number) {
  // Row indexes far past any the account has used, so the churn's new rows get new ids.
  const next = Object.fromEntries(Object.entries(scaleCounts(crmRows)).map(([k, n]) => [k, n * 10 + 1])) as ReturnType<typeof scaleCounts>;
  const day: [Date, Date] = [new Date(Date.now() - DAY), new Date()];
  const measure = async (detectLosses: boolean, round: number) => {
    let elapsed = 0;
    await timeInRolledBackTransaction(db, async (tx) => {
      await copyAccountIntoSnapshot(tx, { accountId, kind: "DAILY", detectLosses: false });
      await applyDailyChurn(tx as Db, accountId, { ...next }, day, `detect-${round}`);
      const started = performance.now();
      await copyAccountIntoSnapshot(tx, { accountId, kind: "DAILY", detectLosses });
      elapsed = performance.now() - started;
    });
    return elapsed;
  };
  const withIt: number[] = [];
  const without: number[] = [];
  for (let round = 0; round < 3; round++) {
    without.push(await measure(false, round));
    withIt.push(await measure(true, round));
  }
  const a = Math.min(...withIt);
  const b = Math.min(...without);
  console.log(`  loss detection: the daily snapshot after a day of churn ${ms(a)} with it vs ${ms(b)} without; ratio ${ratio(a, b)}, ${(((a - b) / b) * 100).toFixed(1)} % (target ≤ +5 %)`);
}

/** What the change log's triggers cost CRM writes: the same updates with the triggers on and off (each rolled back). */
async function benchChangeLogCost(db: Db, accountId: string) {
  const ids = (await db.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM crm_contact WHERE "accountId" = ${accountId}::uuid ORDER BY id LIMIT 500`).map((r) => r.id);
  const measure = async (triggers: boolean) => {
    let bulk = 0;
    let single = 0;
    await timeInRolledBackTransaction(db, async (tx) => {
      if (!triggers) await tx.$executeRawUnsafe(`ALTER TABLE crm_contact DISABLE TRIGGER USER`);
      let started = performance.now();
      await tx.$executeRaw`UPDATE crm_contact SET phone = phone WHERE "accountId" = ${accountId}::uuid AND abs(hashtext(id::text)) % 10 = 0`;
      bulk = performance.now() - started;
      started = performance.now();
      for (const id of ids) await tx.$executeRaw`UPDATE crm_contact SET phone = phone WHERE id = ${id}::uuid`;
      single = (performance.now() - started) / ids.length;
    });
    return { bulk, single };
  };
  const off = await measure(false);
  const on = await measure(true);
  console.log(
    `  change-log triggers on CRM writes: one UPDATE of 10 % of the contacts ${ms(on.bulk)} vs ${ms(off.bulk)} without (${ratio(on.bulk, off.bulk)}); a one-row UPDATE ${on.single.toFixed(3)} ms vs ${off.single.toFixed(3)} ms`,
  );
}

export async function benchSnapshotAndPreview(db: Db, crmRows: number) {
  console.log(`\n## Versioned snapshots and restore preview — scale account`);
  const { accountId, snapshotId } = await ensureScaleAccount(db, crmRows);
  const rows = Object.values((await db.snapshot.findUniqueOrThrow({ where: { id: snapshotId } })).rowCounts as Record<string, number>).reduce((a, b) => a + b, 0);

  // Before the rolled-back references below, which leave dead space behind them in the version tables.
  console.log(`  storage, every account in this database: ${describeStorage(await storageFigures(db))} (target ≤ 1.6×)`);

  // A daily snapshot after a day of churn, against a plain copy of the whole account; both rolled back.
  const plain = await timePlainCopy(db, accountId);
  const snap = await timeInRolledBackTransaction(db, (tx) => copyAccountIntoSnapshot(tx, { accountId, kind: "DAILY" }));
  console.log(`  rows in the account's latest snapshot    ${rows.toLocaleString("en")}`);
  console.log(`  daily snapshot after a day of churn       ${ms(snap)}`);
  console.log(`  plain INSERT … SELECT of the account      ${ms(plain)}; ratio ${ratio(snap, plain)} (target ≤ 0.2×)`);
  const snapAll = await timeInRolledBackTransaction(db, (tx) => copyAccountIntoSnapshot(tx, { accountId, kind: "DAILY", compareAll: true }));
  console.log(`  the other way: compare every row's fingerprint, no change log ${ms(snapAll)}; ratio ${ratio(snapAll, plain)}`);
  await benchChangeLogCost(db, accountId);
  await benchLossDetection(db, accountId, crmRows);

  const t0 = performance.now();
  const preview = await computeRestorePreview({ db, accountId, snapshotId });
  const previewMs = performance.now() - t0;
  const sum = totals(preview.figures);
  console.log(`  restore preview vs a ${rows.toLocaleString("en")}-row snapshot ${ms(previewMs)} (target ≤ 3 s): delete ${sum.delete}, bring back ${sum.bringBack}, revert ${sum.revert}`);
}
