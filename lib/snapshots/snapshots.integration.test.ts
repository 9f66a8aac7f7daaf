import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_TABLES, quoteIdent } from "@/lib/account-data/tables";
import { loadAccountData, type RowCounts } from "@/lib/seed/account-history";
import { deterministicUuid } from "@/lib/seed/ids";
import { useTestDatabase } from "@/lib/testing/test-db";
import { checksumsOf, liveRows, rowDifference, snapshotRows } from "@/lib/testing/snapshot-rows";
import { versionState } from "@/lib/testing/version-state";
import { createPrismaClient } from "@/lib/db/client";
import { combineChecksums } from "@/lib/snapshots/checksum";
import { pruneSnapshots } from "@/lib/snapshots/prune-snapshots";
import { takeSnapshot } from "@/lib/snapshots/take-snapshot";

const t = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const counts: RowCounts = { company: 20, contact: 50, deal: 30, lead: 25, activity: 40, comment: 30, history: 40, task: 15, product: 10, customField: 7 };
const acme = deterministicUuid("test:acme");
const other = deterministicUuid("test:other");

async function createAccount(id: string, name: string) {
  const plan = await t.db.plan.upsert({ where: { code: "pro" }, update: {}, create: { code: "pro", name: "Pro", restoreAvailable: true } });
  await t.db.account.create({ data: { id, name, portalAddress: `${name}.example`, planId: plan.id } });
  await loadAccountData(t.db, id, counts, new Date("2026-11-01T00:00:00Z"));
}

/** The checksums computed straight from the live tables, independently of takeSnapshot. */
const liveChecksums = (accountId: string) => checksumsOf(t.db, (table) => liveRows(table, "$1"), accountId);

/** A snapshot's checksums recomputed from its rows as read from the versions (fingerprints recomputed, not the stored ones). */
const checksumsFromVersions = (snapshotId: string) => checksumsOf(t.db, (table) => snapshotRows(table, "$1"), snapshotId);

beforeAll(async () => {
  await createAccount(acme, "acme");
  await createAccount(other, "other");
});

describe("the table registry", () => {
  it("lists every column of every account table and its snapshot table (no column can be forgotten)", async () => {
    for (const table of ACCOUNT_TABLES) {
      const columns = async (name: string) =>
        (
          await t.db.$queryRaw<{ column_name: string }[]>`
            SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${name}
            ORDER BY ordinal_position`
        ).map((c) => c.column_name);
      expect((await columns(table.table)).sort()).toEqual([...table.columns, "accountId"].sort());
      expect((await columns(table.versionTable)).sort()).toEqual([...table.columns, "accountId", "rowHash", "rowBytes", "validFrom", "validTo"].sort());
    }
  });
});

describe("connections", () => {
  it("speak UTC whatever the database's default, so row fingerprints never depend on it", async () => {
    const [{ name }] = await t.db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    await t.db.$executeRawUnsafe(`ALTER DATABASE "${name}" SET timezone = 'Pacific/Auckland'`);
    const fresh = createPrismaClient(t.url);
    try {
      const [{ TimeZone }] = await fresh.$queryRaw<{ TimeZone: string }[]>`SHOW TimeZone`;
      expect(TimeZone).toBe("UTC");
    } finally {
      await fresh.$disconnect();
      await t.db.$executeRawUnsafe(`ALTER DATABASE "${name}" RESET timezone`);
    }
  });
});

describe("takeSnapshot", () => {
  it("holds exactly the account's rows, with counts and checksums of the live data", async () => {
    const before = await liveChecksums(acme);
    const snapshot = await takeSnapshot({ db: t.db, accountId: acme, kind: "MANUAL" });
    expect(snapshot.rowCounts).toEqual(counts);
    expect(snapshot.checksums).toEqual(before);
    expect(snapshot.checksum).toBe(combineChecksums(before));
    for (const table of ACCOUNT_TABLES) {
      const [{ n, foreign }] = await t.db.$queryRawUnsafe<{ n: bigint; foreign: bigint }[]>(
        `SELECT count(*) AS n, count(*) FILTER (WHERE "accountId" <> $2::uuid) AS foreign FROM ${snapshotRows(table, "$1", ["accountId"])} s`,
        snapshot.id,
        acme,
      );
      expect(Number(n)).toBe(counts[table.key]);
      expect(Number(foreign)).toBe(0);
      // Row for row the same data: nothing in the snapshot that is not live, and the reverse.
      expect(await rowDifference(t.db, liveRows(table, "$2"), snapshotRows(table, "$1"), snapshot.id, acme)).toBe(0);
    }
  });

  it("refreshes the account's database size from the measured size of its rows", async () => {
    await t.db.account.update({ where: { id: acme }, data: { externalDataBytes: 1000n, databaseSizeBytes: 0n } });
    const snapshot = await takeSnapshot({ db: t.db, accountId: acme, kind: "MANUAL" });
    expect(snapshot.sizeBytes).toBeGreaterThan(10_000n);
    const account = await t.db.account.findUniqueOrThrow({ where: { id: acme } });
    expect(account.databaseSizeBytes).toBe(snapshot.sizeBytes + 1000n);
  });

  it("gives the same checksum for unchanged data and a different one after any edit", async () => {
    const first = await takeSnapshot({ db: t.db, accountId: acme, kind: "MANUAL" });
    const second = await takeSnapshot({ db: t.db, accountId: acme, kind: "MANUAL" });
    expect(second.checksum).toBe(first.checksum);
    await t.db.$executeRaw`UPDATE crm_deal SET amount = amount + 0.01 WHERE id = (SELECT id FROM crm_deal WHERE "accountId" = ${acme}::uuid LIMIT 1)`;
    const third = await takeSnapshot({ db: t.db, accountId: acme, kind: "MANUAL" });
    expect(third.checksums.deal).not.toBe(first.checksums.deal);
    expect(third.checksums.contact).toBe(first.checksums.contact);
    expect(third.checksum).not.toBe(first.checksum);
  });

  it("leaves no partial rows when it fails half-way", async () => {
    const before = await t.db.snapshot.count();
    const versionsBefore = await versionState(t.db);
    await expect(
      takeSnapshot({
        db: t.db,
        accountId: other,
        kind: "MANUAL",
        onTable: (key) => {
          if (key === "activity") throw new Error("disk full");
        },
      }),
    ).rejects.toThrow("disk full");
    expect(await t.db.snapshot.count()).toBe(before);
    // No half-closed versions: every version row exactly as before, so every earlier snapshot reads as it did.
    expect(await versionState(t.db)).toEqual(versionsBefore);
  });
});

describe("pruneSnapshots", () => {
  it("keeps the window and held snapshots, removes the rest with their rows", async () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const at = (days: number, extraMs = 0) => new Date(now.getTime() - days * DAY - extraMs);
    const exactlySeven = await takeSnapshot({ db: t.db, accountId: other, kind: "DAILY", takenAt: at(7) });
    const justPast = await takeSnapshot({ db: t.db, accountId: other, kind: "DAILY", takenAt: at(7, 1) });
    const heldOpen = await takeSnapshot({ db: t.db, accountId: other, kind: "DAILY", takenAt: at(10) });
    const heldClosed = await takeSnapshot({ db: t.db, accountId: other, kind: "DAILY", takenAt: at(10) });
    const heldTooLong = await takeSnapshot({ db: t.db, accountId: other, kind: "DAILY", takenAt: at(14, 1) });
    const requester = await t.db.user.create({
      data: { email: "r@other.example", name: "R", passwordHash: "x", kind: "CUSTOMER", accountId: other },
    });
    const ticket = (number: number, snapshotId: string, status: "IN_REVIEW" | "COMPLETED") =>
      t.db.restoreTicket.create({
        data: { number, accountId: other, requesterId: requester.id, method: "FULL", restoreDate: at(10), snapshotId, description: "lost", status },
      });
    await ticket(1, heldOpen.id, "IN_REVIEW");
    await ticket(2, heldClosed.id, "COMPLETED");
    await ticket(3, heldTooLong.id, "IN_REVIEW");

    const pruned = await pruneSnapshots({ db: t.db, now });
    expect(pruned.sort()).toEqual([justPast.id, heldClosed.id, heldTooLong.id].sort());
    const remaining = (await t.db.snapshot.findMany({ where: { accountId: other }, select: { id: true } })).map((s) => s.id);
    expect(remaining).toContain(exactlySeven.id);
    expect(remaining).toContain(heldOpen.id);
    for (const table of ACCOUNT_TABLES) {
      // No version is left that no remaining snapshot of its account can see…
      const [{ n }] = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM ${quoteIdent(table.versionTable)} v WHERE NOT EXISTS (
           SELECT 1 FROM snapshot s WHERE s."accountId" = v."accountId" AND s.seq >= v."validFrom" AND (v."validTo" IS NULL OR s.seq < v."validTo"))`,
      );
      expect(Number(n)).toBe(0);
    }
    // …and the snapshots kept still hold exactly what they recorded.
    for (const id of [exactlySeven.id, heldOpen.id]) {
      const kept = await t.db.snapshot.findUniqueOrThrow({ where: { id } });
      expect(await checksumsFromVersions(id)).toEqual(kept.checksums);
    }
    // The acme snapshots taken "now" are untouched.
    expect(await t.db.snapshot.count({ where: { accountId: acme } })).toBeGreaterThan(0);
  });
});
