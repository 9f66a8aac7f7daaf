import { describe, expect, it } from "vitest";
import { ACCOUNT_TABLES, quoteIdent, type AccountTable } from "@/lib/account-data/tables";
import { applyAccident, applyDailyChurn, type RowCounts } from "@/lib/seed/account-history";
import { restoreAccountFromSnapshot } from "@/lib/restore/restore-account-from-snapshot";
import type { TableChecksums } from "@/lib/snapshots/checksum";
import { pruneSnapshots } from "@/lib/snapshots/prune-snapshots";
import { takeSnapshot, type SnapshotSummary } from "@/lib/snapshots/take-snapshot";
import { createTestAccount } from "@/lib/testing/fixtures";
import { checksumOf, liveRows, rowDifference, snapshotRows } from "@/lib/testing/snapshot-rows";
import { useTestDatabase } from "@/lib/testing/test-db";

const t = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const COUNTS: RowCounts = { company: 60, contact: 200, deal: 120, lead: 80, activity: 150, comment: 100, history: 150, task: 40, product: 30, customField: 7 };

/** An independent record of the live table at a moment: a plain copy, made outside the snapshot code. */
async function recordLive(table: AccountTable, accountId: string, name: string) {
  await t.db.$executeRawUnsafe(`CREATE TABLE ${quoteIdent(name)} AS SELECT * FROM ${liveRows(table, "$1")} r`, accountId);
}

const recorded = (table: AccountTable, day: number) => `expected_${table.key.toLowerCase()}_${day}`;

describe("versioned snapshots, verified independently", () => {
  it("each snapshot reads back exactly the live rows of its moment, writes only what changed, survives pruning, and a full restore makes the live rows equal it", async () => {
    const start = new Date("2026-11-20T01:00:00Z");
    const { account } = await createTestAccount(t.db, { snapshotDaysAgo: [], counts: COUNTS, now: start });
    const accountId = account.id;
    const next = Object.fromEntries(Object.entries(COUNTS).map(([k, v]) => [k, v + 1])) as RowCounts;
    const snapshots: SnapshotSummary[] = [];
    for (let day = 0; day < 6; day++) {
      const at = new Date(start.getTime() + day * DAY);
      if (day > 0) await applyDailyChurn(t.db, accountId, next, [new Date(at.getTime() - DAY), at], `v${day}`);
      if (day === 3) await applyAccident(t.db, accountId);
      // A change, then its reversal in the next day: the day-5 snapshot reads the old content again.
      if (day === 4) {
        await t.db.$executeRaw`UPDATE crm_company SET city = city || ' (moved)' WHERE "accountId" = ${accountId}::uuid AND id = (SELECT min(id::text)::uuid FROM crm_company WHERE "accountId" = ${accountId}::uuid AND city IS NOT NULL)`;
      }
      if (day === 5) {
        await t.db.$executeRaw`UPDATE crm_company SET city = left(city, -8) WHERE "accountId" = ${accountId}::uuid AND city LIKE '% (moved)'`;
      }
      for (const table of ACCOUNT_TABLES) await recordLive(table, accountId, recorded(table, day));
      snapshots.push(await takeSnapshot({ db: t.db, accountId, kind: "DAILY", takenAt: at }));
    }

    const verify = async (days: number[]) => {
      for (const day of days) {
        const checksums = {} as TableChecksums;
        for (const table of ACCOUNT_TABLES) {
          expect(await rowDifference(t.db, quoteIdent(recorded(table, day)), snapshotRows(table, "$1"), snapshots[day].id), `${table.key} on day ${day}`).toBe(0);
          checksums[table.key] = await checksumOf(t.db, table, quoteIdent(recorded(table, day)));
        }
        expect(snapshots[day].checksums).toEqual(checksums);
      }
    };
    await verify([0, 1, 2, 3, 4, 5]);

    // Only what changed is written: a snapshot's new versions are exactly the rows added or changed since the one before.
    let written = 0;
    let live = 0;
    for (let day = 1; day < 6; day++) {
      for (const table of ACCOUNT_TABLES) {
        const [{ n }] = await t.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${quoteIdent(table.versionTable)} WHERE "accountId" = $1::uuid AND "validFrom" = $2`, accountId, snapshots[day].seq);
        const [{ changed }] = await t.db.$queryRawUnsafe<{ changed: bigint }[]>(
          `SELECT count(*) AS changed FROM (SELECT * FROM ${quoteIdent(recorded(table, day))} EXCEPT ALL SELECT * FROM ${quoteIdent(recorded(table, day - 1))}) d`,
        );
        expect(Number(n), `${table.key} on day ${day}`).toBe(Number(changed));
        written += Number(n);
        live += snapshots[day].rowCounts[table.key];
      }
    }
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(live * 0.2);

    // Pruning the two oldest keeps every remaining snapshot exact.
    const pruned = await pruneSnapshots({ db: t.db, now: new Date(start.getTime() + 8 * DAY + 1), retentionDays: 7 });
    expect(pruned.sort()).toEqual([snapshots[0].id, snapshots[1].id].sort());
    await verify([2, 3, 4, 5]);

    // A full restore to day 2: the live rows equal the snapshot's, row for row; the safety snapshot holds what was live before.
    const before = (table: AccountTable) => `expected_before_restore_${table.key.toLowerCase()}`;
    for (const table of ACCOUNT_TABLES) await recordLive(table, accountId, before(table));
    const result = await t.db.$transaction(
      (tx) =>
        restoreAccountFromSnapshot(tx, {
          accountId,
          source: { id: snapshots[2].id, seq: snapshots[2].seq, checksums: snapshots[2].checksums, sizeBytes: snapshots[2].sizeBytes },
          onProgress: () => undefined,
        }),
      { timeout: 120_000 },
    );
    for (const table of ACCOUNT_TABLES) {
      expect(await rowDifference(t.db, liveRows(table, "$2"), snapshotRows(table, "$1"), snapshots[2].id, accountId), table.key).toBe(0);
      expect(await rowDifference(t.db, quoteIdent(before(table)), snapshotRows(table, "$1"), result.safetySnapshotId), `safety ${table.key}`).toBe(0);
    }
    await verify([2, 3, 4, 5]);
  });

  it("the change log misses no kind of write: inserts, updates, deletes, a row given a new id, a row moved to another account", async () => {
    const a = await createTestAccount(t.db, { snapshotDaysAgo: [1] });
    const b = await createTestAccount(t.db, { snapshotDaysAgo: [1] });
    const contacts = await t.db.contact.findMany({ where: { accountId: a.account.id }, orderBy: { id: "asc" }, take: 4, select: { id: true } });
    await t.db.$executeRaw`UPDATE crm_contact SET id = gen_random_uuid() WHERE id = ${contacts[0].id}::uuid`;
    await t.db.$executeRaw`UPDATE crm_contact SET "accountId" = ${b.account.id}::uuid WHERE id = ${contacts[1].id}::uuid`;
    await t.db.$executeRaw`DELETE FROM crm_contact WHERE id = ${contacts[2].id}::uuid`;
    await t.db.$executeRaw`UPDATE crm_contact SET phone = '+48 000 000 000' WHERE id = ${contacts[3].id}::uuid`;
    await t.db.$executeRawUnsafe(`INSERT INTO crm_company ("accountId", id, name, "customFields", "createdAt", "updatedAt") VALUES ($1::uuid, gen_random_uuid(), 'New', '{}', now(), now())`, a.account.id);
    for (const { account } of [a, b]) {
      const taken = await takeSnapshot({ db: t.db, accountId: account.id, kind: "DAILY" });
      for (const table of ACCOUNT_TABLES) {
        expect(await rowDifference(t.db, liveRows(table, "$2"), snapshotRows(table, "$1"), taken.id, account.id), `${table.key} of ${account.name}`).toBe(0);
        expect(taken.checksums[table.key]).toBe(await checksumOf(t.db, table, liveRows(table, "$1"), account.id));
      }
    }
  });

  it("two daily jobs for one account at once: one takes the snapshot, the other finds it and writes nothing", async () => {
    const { account } = await createTestAccount(t.db, { snapshotDaysAgo: [1] });
    const at = new Date();
    const before = await t.db.snapshot.count({ where: { accountId: account.id } });
    const [a, b] = await Promise.all([0, 1].map(() => takeSnapshot({ db: t.db, accountId: account.id, kind: "DAILY", takenAt: at, oncePerDay: true })));
    expect(a.id).toBe(b.id);
    expect(await t.db.snapshot.count({ where: { accountId: account.id } })).toBe(before + 1);
  });
});
