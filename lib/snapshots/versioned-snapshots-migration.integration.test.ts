import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ACCOUNT_TABLES, columnList, quoteIdent, rowFingerprint } from "@/lib/account-data/tables";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { applyDailyChurn, loadAccountData, type RowCounts } from "@/lib/seed/account-history";
import { checksumRowCount, type TableChecksums } from "@/lib/snapshots/checksum";
import { takeSnapshot } from "@/lib/snapshots/take-snapshot";
import { checksumOf, checksumsOf, liveRows, rowDifference, snapshotRows } from "@/lib/testing/snapshot-rows";
import { withDatabase } from "@/lib/testing/with-database";

/**
 * The upgrade: a database with full-copy snapshots (the schema before
 * versioned storage) is migrated, and every snapshot it had reads back the
 * same rows with the same checksums.
 */
const MIGRATIONS = path.join(process.cwd(), "prisma/migrations");
const CONVERSION = "_versioned_snapshots";
const COUNTS: RowCounts = { company: 40, contact: 120, deal: 60, lead: 50, activity: 80, comment: 60, history: 80, task: 30, product: 20, customField: 7 };
const DAY = 24 * 60 * 60 * 1000;

const serverUrl = inject("dbServerUrl");
const name = `rd_upgrade_${randomBytes(4).toString("hex")}`;
let db: Db;

async function applyMigrations(which: (folder: string) => boolean) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, name) });
  await client.connect();
  try {
    for (const folder of fs.readdirSync(MIGRATIONS).filter((f) => fs.existsSync(path.join(MIGRATIONS, f, "migration.sql"))).sort()) {
      if (which(folder)) await client.query(fs.readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8"));
    }
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const conversion = fs.readdirSync(MIGRATIONS).find((f) => f.endsWith(CONVERSION))!;
  await applyMigrations((folder) => folder < conversion);
  db = createPrismaClient(withDatabase(serverUrl, name));
});

afterAll(async () => {
  await db?.$disconnect();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

/** What the code before versioned storage did: a full copy of every table, with its fingerprints, counts and checksums. */
async function oldFullCopySnapshot(accountId: string, takenAt: Date): Promise<{ id: string; checksums: TableChecksums }> {
  const id = crypto.randomUUID();
  const checksums = await checksumsOf(db, (table) => liveRows(table, "$1"), accountId);
  const rowCounts = Object.fromEntries(Object.entries(checksums).map(([key, checksum]) => [key, checksumRowCount(checksum)]));
  await db.$executeRawUnsafe(
    `INSERT INTO snapshot (id, "accountId", kind, "takenAt", "rowCounts", checksums, checksum, "sizeBytes") VALUES ($1::uuid, $2::uuid, 'DAILY', $3, $4::jsonb, $5::jsonb, 'x', 1)`,
    id,
    accountId,
    takenAt,
    JSON.stringify(rowCounts),
    JSON.stringify(checksums),
  );
  for (const table of ACCOUNT_TABLES) {
    const old = `snap_${table.table}`;
    await db.$executeRawUnsafe(
      `INSERT INTO ${quoteIdent(old)} ("snapshotId", "accountId", ${columnList(table)}, "rowHash")
       SELECT $1::uuid, t."accountId", ${columnList(table, "t")}, ${rowFingerprint(table, "t")} FROM ${quoteIdent(table.table)} t WHERE t."accountId" = $2::uuid`,
      id,
      accountId,
    );
    await db.$executeRawUnsafe(`CREATE TABLE ${quoteIdent(`was_${id.slice(0, 8)}_${table.key.toLowerCase()}`)} AS SELECT ${columnList(table)} FROM ${quoteIdent(old)} WHERE "snapshotId" = $1::uuid`, id);
  }
  return { id, checksums };
}

describe("upgrading to versioned snapshots", () => {
  it("keeps every backup: the same rows and checksums, read from versions; later snapshots continue from them", async () => {
    const plan = await db.plan.create({ data: { code: "pro", name: "Pro", restoreAvailable: true } });
    const accounts = [];
    for (const n of [1, 2]) {
      const account = await db.account.create({ data: { name: `Upgrade ${n}`, portalAddress: `upgrade-${n}.example`, planId: plan.id } });
      await loadAccountData(db, account.id, COUNTS, new Date("2026-11-01T00:00:00Z"));
      accounts.push(account.id);
    }
    const start = new Date("2026-11-20T02:00:00Z");
    // Each account's next row numbers, advanced by every day of churn.
    const next = new Map(accounts.map((id) => [id, Object.fromEntries(Object.entries(COUNTS).map(([k, v]) => [k, v + 1])) as RowCounts]));
    const old: { id: string; accountId: string; checksums: TableChecksums }[] = [];
    for (let day = 0; day < 5; day++) {
      for (const accountId of accounts) {
        if (day > 0) await applyDailyChurn(db, accountId, next.get(accountId)!, [new Date(start.getTime() + (day - 1) * DAY), new Date(start.getTime() + day * DAY)], `u${day}${accountId}`);
        old.push({ accountId, ...(await oldFullCopySnapshot(accountId, new Date(start.getTime() + day * DAY))) });
      }
    }
    const copies = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM snap_crm_contact`);

    await applyMigrations((folder) => folder >= fs.readdirSync(MIGRATIONS).find((f) => f.endsWith(CONVERSION))!);

    for (const accountId of accounts) {
      const seqs = (await db.snapshot.findMany({ where: { accountId }, orderBy: { takenAt: "asc" } })).map((s) => s.seq);
      expect(seqs).toEqual([1, 2, 3, 4, 5]);
    }
    for (const snapshot of old) {
      for (const table of ACCOUNT_TABLES) {
        const was = quoteIdent(`was_${snapshot.id.slice(0, 8)}_${table.key.toLowerCase()}`);
        expect(await rowDifference(db, was, snapshotRows(table, "$1"), snapshot.id), `${table.key} of ${snapshot.id}`).toBe(0);
        expect(await checksumOf(db, table, snapshotRows(table, "$1"), snapshot.id)).toBe(snapshot.checksums[table.key]);
      }
    }
    // Stored once per version, not once per snapshot.
    const [{ n: versions }] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM crm_contact_version`);
    expect(Number(versions)).toBeLessThan(Number(copies[0].n) / 3);

    // The next snapshot continues from the converted ones: only the change is written, and it reads back the live rows.
    const accountId = accounts[0];
    await applyDailyChurn(db, accountId, next.get(accountId)!, [new Date(start.getTime() + 4 * DAY), new Date(start.getTime() + 5 * DAY)], "after-upgrade");
    const latest = old.filter((s) => s.accountId === accountId).at(-1)!;
    const taken = await takeSnapshot({ db, accountId, kind: "DAILY", takenAt: new Date(start.getTime() + 5 * DAY) });
    expect(taken.seq).toBe(6);
    for (const table of ACCOUNT_TABLES) {
      expect(await rowDifference(db, liveRows(table, "$2"), snapshotRows(table, "$1"), taken.id, accountId), table.key).toBe(0);
    }
    // Its figures, derived from the converted snapshot's by what changed, equal the live table's.
    expect(taken.checksums).toEqual(await checksumsOf(db, (table) => liveRows(table, "$1"), accountId));
    expect(taken.checksums).not.toEqual(latest.checksums);
  });
});
