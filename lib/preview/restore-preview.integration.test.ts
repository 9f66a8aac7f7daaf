import { describe, expect, it } from "vitest";
import { ACCOUNT_TABLES, columnList, quoteIdent } from "@/lib/account-data/tables";
import { useTestDatabase } from "@/lib/testing/test-db";
import { snapshotRows } from "@/lib/testing/snapshot-rows";
import { createTestAccount } from "@/lib/testing/fixtures";
import { applyDailyChurn, applyAccident } from "@/lib/seed/account-history";
import { computeRestorePreview } from "@/lib/preview/restore-preview";
import { isConsistent, type TableFigures } from "@/lib/preview/preview-figures";

const t = useTestDatabase();

/** Brute force: every row of both sides in memory, compared as JSON. */
async function bruteForce(accountId: string, snapshotId: string, table: (typeof ACCOUNT_TABLES)[number]): Promise<TableFigures> {
  const rows = async (sql: string, param: string) =>
    new Map(
      (await t.db.$queryRawUnsafe<{ id: string; j: string }[]>(sql, param)).map((r) => [r.id, r.j]),
    );
  const pick = `SELECT id::text AS id, row_to_json(x)::text AS j FROM (SELECT ${columnList(table)} FROM`;
  const live = await rows(`${pick} ${quoteIdent(table.table)} WHERE "accountId" = $1::uuid) x`, accountId);
  const snap = await rows(`SELECT id::text AS id, row_to_json(x)::text AS j FROM ${snapshotRows(table, "$1")} x`, snapshotId);
  return {
    delete: [...live.keys()].filter((id) => !snap.has(id)).length,
    bringBack: [...snap.keys()].filter((id) => !live.has(id)).length,
    revert: [...live.keys()].filter((id) => snap.has(id) && snap.get(id) !== live.get(id)).length,
    live: live.size,
    snapshot: snap.size,
  };
}

describe("computeRestorePreview", () => {
  it("equals a brute-force comparison after days of churn and an accident", async () => {
    const now = new Date();
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [2], counts: { company: 200, contact: 600, deal: 300, lead: 200, activity: 300, comment: 200, history: 300, task: 100, product: 60, customField: 7 } });
    const nextIndex = { company: 201, contact: 601, deal: 301, lead: 201, activity: 301, comment: 201, history: 301, task: 101, product: 61, customField: 8 };
    await applyDailyChurn(t.db, acme.account.id, nextIndex, [new Date(now.getTime() - 86_400_000), now], "a");
    await applyDailyChurn(t.db, acme.account.id, nextIndex, [new Date(now.getTime() - 3_600_000), now], "b");
    await applyAccident(t.db, acme.account.id);
    const snapshotId = acme.snapshots[0].id;
    const preview = await computeRestorePreview({ db: t.db, accountId: acme.account.id, snapshotId });
    let changes = 0;
    for (const table of ACCOUNT_TABLES) {
      const expected = await bruteForce(acme.account.id, snapshotId, table);
      expect(preview.figures[table.key], table.key).toEqual(expected);
      expect(isConsistent(preview.figures[table.key])).toBe(true);
      changes += expected.delete + expected.bringBack + expected.revert;
      const { examples } = preview.tables[table.key];
      expect(examples.delete.length).toBe(Math.min(3, expected.delete));
      expect(examples.bringBack.length).toBe(Math.min(3, expected.bringBack));
      expect(examples.revert.length).toBe(Math.min(3, expected.revert));
    }
    expect(changes).toBeGreaterThan(100);
  });

  it("an untouched account restores to itself: nothing to change", async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [0] });
    const preview = await computeRestorePreview({ db: t.db, accountId: acme.account.id, snapshotId: acme.snapshots[0].id });
    for (const table of ACCOUNT_TABLES) {
      expect(preview.figures[table.key]).toMatchObject({ delete: 0, bringBack: 0, revert: 0 });
    }
  });

  it("another account's rows never count", async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [0] });
    const other = await createTestAccount(t.db, { snapshotDaysAgo: [0] });
    await t.db.$executeRaw`DELETE FROM crm_contact WHERE "accountId" = ${other.account.id}::uuid`;
    const preview = await computeRestorePreview({ db: t.db, accountId: acme.account.id, snapshotId: acme.snapshots[0].id });
    expect(preview.figures.contact.bringBack).toBe(0);
  });
});
