import "server-only";
import type { Db } from "@/lib/db/client";
import { ACCOUNT_TABLES, ACCOUNT_TABLE_KEYS, quoteIdent, type AccountTableKey } from "@/lib/account-data/tables";
import { CRM_EDITS, CRM_INSERTS } from "@/lib/seed/crm-generators";
import { DAILY_CHURN } from "@/lib/seed/demo-data";
import { takeSnapshot } from "@/lib/snapshots/take-snapshot";

const DAY_MS = 24 * 60 * 60 * 1000;
export type RowCounts = Record<AccountTableKey, number>;

/** Inserts rows [from, to] of one table for an account, set-based. */
async function insertRows(db: Db, accountId: string, key: AccountTableKey, from: number, to: number, window: [Date, Date], totals: RowCounts) {
  if (to < from) return 0;
  return db.$executeRawUnsafe(CRM_INSERTS[key], accountId, from, to, window[0], window[1], totals.company, totals.contact, totals.deal);
}

/** Loads an account's initial data, created over the two years before `until`. */
export async function loadAccountData(db: Db, accountId: string, counts: RowCounts, until: Date): Promise<number> {
  const window: [Date, Date] = [new Date(until.getTime() - 730 * DAY_MS), until];
  let rows = 0;
  for (const key of ACCOUNT_TABLE_KEYS) rows += await insertRows(db, accountId, key, 1, counts[key], window, counts);
  return rows;
}

/**
 * One day of realistic use: some rows created, some edited, some deleted.
 * `nextIndex` tracks the next row index per table and is advanced in place.
 */
export async function applyDailyChurn(db: Db, accountId: string, nextIndex: RowCounts, window: [Date, Date], salt: string) {
  const totals = { ...nextIndex };
  for (const table of ACCOUNT_TABLES) {
    const key = table.key;
    const created = key === "customField" ? 0 : Math.max(1, Math.round(((nextIndex[key] - 1) * DAILY_CHURN.createdPermille) / 1000));
    await insertRows(db, accountId, key, nextIndex[key], nextIndex[key] + created - 1, window, totals);
    nextIndex[key] += created;
    const editedAt = new Date((window[0].getTime() + window[1].getTime()) / 2);
    await db.$executeRawUnsafe(
      `UPDATE ${quoteIdent(table.table)} ${CRM_EDITS[key]}
       WHERE "accountId" = $1::uuid AND abs(hashtext(id::text || $2)) % 1000 < $4 AND "createdAt" < $3`,
      accountId,
      `edit:${salt}`,
      editedAt,
      DAILY_CHURN.editedPermille,
    );
    await db.$executeRawUnsafe(
      `DELETE FROM ${quoteIdent(table.table)}
       WHERE "accountId" = $1::uuid AND abs(hashtext(id::text || $2)) % 1000 < $3`,
      accountId,
      `delete:${salt}`,
      key === "customField" ? 0 : DAILY_CHURN.deletedPermille,
    );
  }
}

/** Someone deleted a large share of contacts, some products and two custom fields. */
export async function applyAccident(db: Db, accountId: string) {
  await db.$executeRawUnsafe(
    `DELETE FROM crm_contact WHERE "accountId" = $1::uuid AND abs(hashtext(id::text || 'accident')) % 100 < 15`,
    accountId,
  );
  await db.$executeRawUnsafe(
    `DELETE FROM crm_product WHERE "accountId" = $1::uuid AND abs(hashtext(id::text || 'accident')) % 100 < 20`,
    accountId,
  );
  await db.$executeRawUnsafe(
    `DELETE FROM crm_custom_field WHERE "accountId" = $1::uuid AND code IN ('UF_BIRTHDAY', 'UF_CHANNEL')`,
    accountId,
  );
}

/** 01:00 UTC of the day `daysAgo` before `now`, never later than a minute ago. */
export function dailySnapshotTime(now: Date, daysAgo: number): Date {
  const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const at = dayStart - daysAgo * DAY_MS + 60 * 60 * 1000;
  return new Date(daysAgo === 0 ? Math.min(at, now.getTime() - 60_000) : at);
}

/**
 * Builds a week of history: a daily snapshot for each of the last `days`
 * days with a day of churn between them, and some churn after the last one,
 * so the live data differs from every snapshot.
 */
export async function simulateWeek({
  db,
  accountId,
  counts,
  now,
  days,
  accident,
}: {
  db: Db;
  accountId: string;
  counts: RowCounts;
  now: Date;
  days: number;
  accident: boolean;
}) {
  const nextIndex = Object.fromEntries(ACCOUNT_TABLE_KEYS.map((k) => [k, counts[k] + 1])) as RowCounts;
  let previous: Date | null = null;
  for (let daysAgo = days - 1; daysAgo >= 0; daysAgo--) {
    const at = dailySnapshotTime(now, daysAgo);
    if (previous) {
      await applyDailyChurn(db, accountId, nextIndex, [previous, at], `${daysAgo}`);
      if (accident && daysAgo === 1) await applyAccident(db, accountId);
    }
    await takeSnapshot({ db, accountId, kind: "DAILY", takenAt: at });
    previous = at;
  }
  if (previous) await applyDailyChurn(db, accountId, nextIndex, [previous, now], "today");
}
