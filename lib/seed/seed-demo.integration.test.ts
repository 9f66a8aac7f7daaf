import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_TABLES, quoteIdent } from "@/lib/account-data/tables";
import { useTestDatabase } from "@/lib/testing/test-db";
import { snapshotRows } from "@/lib/testing/snapshot-rows";
import { verifyPassword } from "@/lib/auth/password";
import { roleOf } from "@/lib/auth/roles";
import { isSeeded, seedDemo, truncateAll } from "@/lib/seed/seed-demo";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/seed/demo-data";
import { OPEN_STATUSES } from "@/lib/tickets/status";

const t = useTestDatabase();
const now = new Date("2026-11-25T10:00:00Z");
const GB = 1024 ** 3;
const storageRoot = mkdtempSync(path.join(tmpdir(), "rd-seed-"));
const seed = () => seedDemo({ db: t.db, now, runs: { databaseUrl: t.url, storageRoot } });

async function checksumsByAccount() {
  const snapshots = await t.db.snapshot.findMany({ where: { kind: "DAILY" }, include: { account: { select: { name: true } } }, orderBy: { takenAt: "asc" } });
  return snapshots.map((s) => `${s.account.name}@${s.takenAt.toISOString()}=${s.checksum}`).sort();
}

describe("seedDemo", () => {
  let firstRun: string[];
  beforeAll(async () => {
    await seed();
    firstRun = await checksumsByAccount();
  }, 300_000);

  it("creates the demo users of SPEC §11 with their roles and the demo password", async () => {
    const expected: Record<string, string> = {
      "support@restoredesk.test": "SUPPORT_AGENT",
      "lead@restoredesk.test": "SUPPORT_LEAD",
      "admin@acme.test": "ACCOUNT_ADMIN",
      "member@acme.test": "ACCOUNT_MEMBER",
      "admin@globex.test": "ACCOUNT_ADMIN",
      "admin@initech.test": "ACCOUNT_ADMIN",
    };
    for (const [email, role] of Object.entries(expected)) {
      const user = await t.db.user.findUniqueOrThrow({ where: { email }, include: { account: true } });
      expect(roleOf({ ...user, accountOwnerId: user.account?.ownerId })).toBe(role);
      expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);
    }
  });

  it("puts the accounts on the plans the demo needs", async () => {
    const byEmail = async (email: string) =>
      (await t.db.user.findUniqueOrThrow({ where: { email }, include: { account: { include: { plan: true } } } })).account!;
    const acme = await byEmail("admin@acme.test");
    expect(acme.plan.restoreAvailable).toBe(true);
    expect(acme.plan.code).toBe("professional");
    expect(Number(acme.databaseSizeBytes)).toBeLessThan(30 * GB);
    expect((await byEmail("admin@globex.test")).plan.restoreAvailable).toBe(false);
    const initech = await byEmail("admin@initech.test");
    expect(initech.plan.code).toBe("enterprise");
    expect(Number(initech.databaseSizeBytes)).toBeGreaterThan(30 * GB);
  });

  it("gives every account thousands of CRM rows and 7 daily snapshots, one per day", async () => {
    const acme = await t.db.account.findFirstOrThrow({ where: { name: { startsWith: "Acme" } } });
    const [{ n }] = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT (SELECT count(*) FROM crm_contact WHERE "accountId" = ${acme.id}::uuid)
           + (SELECT count(*) FROM crm_company WHERE "accountId" = ${acme.id}::uuid)
           + (SELECT count(*) FROM crm_deal WHERE "accountId" = ${acme.id}::uuid)
           + (SELECT count(*) FROM crm_lead WHERE "accountId" = ${acme.id}::uuid) AS n`;
    expect(Number(n)).toBeGreaterThan(4000);
    for (const account of await t.db.account.findMany({ include: { snapshots: { where: { kind: "DAILY" } } } })) {
      const days = new Set(account.snapshots.map((s) => s.takenAt.toISOString().slice(0, 10)));
      expect(account.snapshots).toHaveLength(7);
      expect(days.size).toBe(7);
      for (const s of account.snapshots) expect(s.takenAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
    for (const table of ACCOUNT_TABLES) {
      const [{ n: rows }] = await t.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${quoteIdent(table.table)}`);
      expect(Number(rows), table.key).toBeGreaterThan(0);
    }
  });

  it("has realistic churn: each day's snapshot differs, and live data differs from the last one", async () => {
    const acme = await t.db.account.findFirstOrThrow({ where: { name: { startsWith: "Acme" } } });
    const snapshots = await t.db.snapshot.findMany({ where: { accountId: acme.id }, orderBy: { takenAt: "asc" } });
    expect(new Set(snapshots.map((s) => s.checksum)).size).toBe(7);
    const last = snapshots.at(-1)!;
    const snap = snapshotRows(ACCOUNT_TABLES.find((x) => x.key === "contact")!, "$2");
    const [{ created, deleted, edited }] = await t.db.$queryRawUnsafe<{ created: bigint; deleted: bigint; edited: bigint }[]>(
      `SELECT
        (SELECT count(*) FROM crm_contact c WHERE c."accountId" = $1::uuid AND NOT EXISTS (SELECT 1 FROM ${snap} s WHERE s.id = c.id)) AS created,
        (SELECT count(*) FROM ${snap} s WHERE NOT EXISTS (SELECT 1 FROM crm_contact c WHERE c.id = s.id)) AS deleted,
        (SELECT count(*) FROM crm_contact c JOIN ${snap} s ON s.id = c.id WHERE c."updatedAt" <> s."updatedAt") AS edited`,
      acme.id,
      last.id,
    );
    expect(Number(created)).toBeGreaterThan(0);
    expect(Number(deleted)).toBeGreaterThan(0);
    expect(Number(edited)).toBeGreaterThan(0);
    // The accident: two days ago far more contacts existed than yesterday.
    const counts = snapshots.map((s) => (s.rowCounts as Record<string, number>).contact);
    expect(counts[4] - counts[5]).toBeGreaterThan(200);
  });

  it("leaves Acme without an open request, so a newcomer can file one", async () => {
    const acme = await t.db.account.findFirstOrThrow({ where: { name: { startsWith: "Acme" } } });
    expect(await t.db.restoreTicket.count({ where: { accountId: acme.id, status: { in: [...OPEN_STATUSES] } } })).toBe(0);
    expect(await t.db.account.count()).toBe(DEMO_ACCOUNTS.length);
  });

  it("has tickets in every state a ticket rests in, the finished ones carried out by the real restore runner", async () => {
    const statuses = new Set((await t.db.restoreTicket.findMany({ select: { status: true } })).map((t) => t.status));
    expect([...statuses].sort()).toEqual(["APPROVED", "CANCELLED", "COMPLETED", "FAILED", "IN_REVIEW", "NEEDS_INFO", "REJECTED", "SUBMITTED"]);
    const csv = await t.db.csvFile.findFirstOrThrow({ include: { run: true } });
    expect(csv.run.status).toBe("SUCCEEDED");
    expect(existsSync(path.join(storageRoot, csv.storagePath))).toBe(true);
    const full = await t.db.restoreRun.findFirstOrThrow({ where: { kind: "FULL_RESTORE", status: "SUCCEEDED" } });
    expect(full.safetySnapshotId).not.toBeNull();
    const failed = await t.db.restoreTicket.findFirstOrThrow({ where: { status: "FAILED" }, include: { runs: true } });
    expect(failed.runs[0]).toMatchObject({ status: "FAILED", runningForAccountId: null });
    expect(await t.db.restoreRun.count({ where: { status: "RUNNING" } })).toBe(0);
  });

  it("is deterministic and safe to run again: same data, no duplicates", async () => {
    expect(await isSeeded(t.db)).toBe(true);
    const users = await t.db.user.count();
    await truncateAll(t.db);
    expect(await isSeeded(t.db)).toBe(false);
    await seed();
    expect(await t.db.user.count()).toBe(users);
    expect(await checksumsByAccount()).toEqual(firstRun);
  }, 300_000);
});
