import { describe, expect, it } from "vitest";
import { ACCOUNT_TABLE_KEYS } from "@/lib/account-data/tables";
import { applyDailyChurn } from "@/lib/seed/account-history";
import { takeSnapshot } from "@/lib/snapshots/take-snapshot";
import { spawnScript } from "@/lib/testing/child-script";
import { createTestAccount } from "@/lib/testing/fixtures";
import { checksumsOf, liveRows } from "@/lib/testing/snapshot-rows";
import { useTestDatabase } from "@/lib/testing/test-db";
import { dumpSnapshot } from "@/lib/testing/ticket-fixtures";
import { versionState } from "@/lib/testing/version-state";

const t = useTestDatabase();
const KILLS = Number(process.env.FAULT_KILLS ?? 50);
const COUNTS = { company: 300, contact: 1000, deal: 500, lead: 400, activity: 800, comment: 500, history: 800, task: 150, product: 60, customField: 7 };

describe("a snapshot killed mid-way", () => {
  it(`${KILLS} kills (SIGKILL) after each table in turn: earlier snapshots stay complete, no half-closed versions, and the next snapshot is exact`, { timeout: 20 * 60_000 }, async () => {
    const now = new Date();
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [1], counts: COUNTS });
    const accountId = acme.account.id;
    const next = Object.fromEntries(Object.entries(COUNTS).map(([k, v]) => [k, v + 1])) as typeof COUNTS;
    await applyDailyChurn(t.db, accountId, next, [new Date(now.getTime() - 3_600_000), now], "snapshot-fault");
    const earlier = await dumpSnapshot(t.db, acme.snapshots[0].id);
    const versionsBefore = await versionState(t.db);
    const snapshotsBefore = await t.db.snapshot.count();

    for (let i = 0; i < KILLS; i++) {
      const killAfter = ACCOUNT_TABLE_KEYS[i % ACCOUNT_TABLE_KEYS.length];
      const child = spawnScript("lib/testing/take-snapshot-child.ts", [t.url, accountId, killAfter]);
      await child.exited;
      expect(child.child.signalCode, `kill ${i} after ${killAfter}`).toBe("SIGKILL");
      expect(await t.db.snapshot.count(), `kill ${i}: a partial snapshot`).toBe(snapshotsBefore);
      expect(await versionState(t.db), `kill ${i} after ${killAfter}: half-written versions`).toEqual(versionsBefore);
    }
    expect(await dumpSnapshot(t.db, acme.snapshots[0].id)).toEqual(earlier);

    // Not stuck: the killed sessions' locks are gone, and the next snapshot holds exactly the live data.
    const taken = await takeSnapshot({ db: t.db, accountId, kind: "DAILY" });
    expect(taken.checksums).toEqual(await checksumsOf(t.db, (table) => liveRows(table, "$1"), accountId));
    console.log(`fault injection: snapshot killed ${KILLS} times after each of ${ACCOUNT_TABLE_KEYS.length} tables in turn → 0 partial snapshots, 0 half-closed versions, 0 stuck`);
  });
});
