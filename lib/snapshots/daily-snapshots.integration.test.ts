import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/test-db";
import { createTestAccount } from "@/lib/testing/fixtures";
import { takeDueSnapshots } from "@/lib/snapshots/daily-snapshots";

const t = useTestDatabase();
const DAY = 86_400_000;

describe("takeDueSnapshots", () => {
  it("takes one daily snapshot per account per day, catching up after downtime, and prunes old ones", async () => {
    const now = new Date();
    const stale = await createTestAccount(t.db, { snapshotDaysAgo: [9, 3], now });
    const fresh = await createTestAccount(t.db, { snapshotDaysAgo: [1, 0], now });
    const result = await takeDueSnapshots({ db: t.db, now });
    expect(result).toEqual({ snapshots: 1, pruned: 1 });
    const days = (await t.db.snapshot.findMany({ where: { accountId: stale.account.id }, orderBy: { takenAt: "asc" } })).map((s) => s.takenAt.getTime());
    expect(days).toHaveLength(2);
    expect(days[1]).toBe(now.getTime());
    expect(await t.db.snapshot.count({ where: { accountId: fresh.account.id } })).toBe(2);
    // Running again the same day changes nothing.
    expect(await takeDueSnapshots({ db: t.db, now: new Date(now.getTime() + 1000) })).toEqual({ snapshots: 0, pruned: 0 });
    // Next day: both accounts are due.
    expect((await takeDueSnapshots({ db: t.db, now: new Date(now.getTime() + DAY) }))?.snapshots).toBe(2);
  });

  it("two at once (two workers): one backup per account and day", async () => {
    await createTestAccount(t.db, { snapshotDaysAgo: [2] });
    const later = new Date(Date.now() + 3 * DAY);
    await Promise.all([takeDueSnapshots({ db: t.db, now: later }), takeDueSnapshots({ db: t.db, now: later })]);
    const perAccount = await t.db.snapshot.groupBy({ by: ["accountId"], where: { kind: "DAILY", takenAt: later }, _count: { _all: true } });
    expect(perAccount).toHaveLength(await t.db.account.count());
    expect(perAccount.every((row) => row._count._all === 1)).toBe(true);
    // The next run finds nothing due.
    expect(await takeDueSnapshots({ db: t.db, now: later })).toEqual({ snapshots: 0, pruned: 0 });
  });
});
