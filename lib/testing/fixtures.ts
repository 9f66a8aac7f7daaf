import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/auth/roles";
import { loadAccountData, type RowCounts } from "@/lib/seed/account-history";
import { takeSnapshot } from "@/lib/snapshots/take-snapshot";

export const SMALL_COUNTS: RowCounts = { company: 12, contact: 30, deal: 20, lead: 15, activity: 20, comment: 15, history: 20, task: 8, product: 6, customField: 7 };

let sequence = 0;

/**
 * An account with an admin and a member, small CRM data and daily snapshots
 * taken `snapshotDaysAgo` days before `now` (01:00 UTC).
 */
export async function createTestAccount(
  db: Db,
  {
    restoreAvailable = true,
    databaseSizeBytes,
    snapshotDaysAgo = [0, 1, 2, 3],
    now = new Date(),
    counts = SMALL_COUNTS,
  }: { restoreAvailable?: boolean; databaseSizeBytes?: bigint; snapshotDaysAgo?: number[]; now?: Date; counts?: RowCounts } = {},
) {
  const n = ++sequence;
  const code = restoreAvailable ? "test-pro" : "test-basic";
  const plan = await db.plan.upsert({
    where: { code },
    update: {},
    create: { code, name: restoreAvailable ? "Professional" : "Basic", restoreAvailable },
  });
  const account = await db.account.create({
    data: { name: `Account ${n}`, portalAddress: `account-${n}-${randomUUID()}.example`, planId: plan.id, timeZone: "UTC" },
  });
  const admin = await db.user.create({
    data: { email: `admin-${n}-${randomUUID()}@test.example`, name: `Admin ${n}`, passwordHash: "x", kind: "CUSTOMER", accountId: account.id },
  });
  const member = await db.user.create({
    data: { email: `member-${n}-${randomUUID()}@test.example`, name: `Member ${n}`, passwordHash: "x", kind: "CUSTOMER", accountId: account.id },
  });
  await db.account.update({ where: { id: account.id }, data: { ownerId: admin.id } });
  await loadAccountData(db, account.id, counts, new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000));
  const snapshots = [];
  for (const days of [...snapshotDaysAgo].sort((a, b) => b - a)) {
    const takenAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days, 1));
    snapshots.push(await takeSnapshot({ db, accountId: account.id, kind: "DAILY", takenAt: takenAt > now ? new Date(now.getTime() - 60_000) : takenAt }));
  }
  // The snapshot job measured a small size; some tests need a large account.
  if (databaseSizeBytes !== undefined) await db.account.update({ where: { id: account.id }, data: { databaseSizeBytes } });
  const actor = (user: { id: string }, role: Role) => ({ id: user.id, role, accountId: account.id });
  return {
    account,
    admin,
    member,
    snapshots,
    adminActor: actor(admin, "ACCOUNT_ADMIN") as { id: string; role: "ACCOUNT_ADMIN"; accountId: string },
    memberActor: actor(member, "ACCOUNT_MEMBER"),
  };
}

export async function createStaff(db: Db, { lead = false }: { lead?: boolean } = {}) {
  const n = ++sequence;
  const user = await db.user.create({
    data: { email: `staff-${n}-${randomUUID()}@restoredesk.test`, name: `${lead ? "Lead" : "Agent"} ${n}`, passwordHash: "x", kind: "SUPPORT", isLead: lead },
  });
  return { user, actor: { id: user.id, role: lead ? ("SUPPORT_LEAD" as const) : ("SUPPORT_AGENT" as const), accountId: null } };
}

/** The date (UTC) `days` before now, as the form sends it. */
export function isoDateDaysAgo(days: number, now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days)).toISOString().slice(0, 10);
}

export function requestInput(overrides: Partial<{ method: "CSV" | "FULL"; restoreDate: string; description: string }> = {}) {
  return {
    method: "CSV" as const,
    restoreDate: isoDateDaysAgo(1),
    description: "About 400 contacts disappeared yesterday afternoon.",
    ackAllUsers: true,
    ackDataLoss: true,
    requestKey: randomUUID(),
    ...overrides,
  };
}
