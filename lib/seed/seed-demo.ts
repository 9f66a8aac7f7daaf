import "server-only";
import type { Db } from "@/lib/db/client";
import { ACCOUNT_TABLE_KEYS, ACCOUNT_TABLES, quoteIdent } from "@/lib/account-data/tables";
import { hashPassword } from "@/lib/auth/password";
import { loadAccountData, simulateWeek, type RowCounts } from "@/lib/seed/account-history";
import { BASE_COUNTS, DEMO_ACCOUNTS, DEMO_PASSWORD, PLANS, STAFF, type DemoAccount } from "@/lib/seed/demo-data";
import { DEFAULT_RETENTION_DAYS } from "@/lib/retention/retention";
import { deterministicUuid } from "@/lib/seed/ids";
import { seedDemoTickets } from "@/lib/seed/demo-tickets";
import { seedHelp } from "@/lib/seed/help-seed";
import { seedCannedReplies } from "@/lib/seed/canned-replies-seed";
import type { RunEnvironment } from "@/lib/restore/execute-run";

type Log = (message: string) => void;

// Written last: a seed that died half-way is recognised and redone.
const SEED_MARKER = "demo_seed_complete";

export async function isSeeded(db: Db): Promise<boolean> {
  return (await db.counter.count({ where: { name: SEED_MARKER } })) > 0;
}

/** Empties every table (demo reset). Keeps the schema and _prisma_migrations. */
export async function truncateAll(db: Db) {
  const rows = await db.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (rows.length) await db.$executeRawUnsafe(`TRUNCATE ${rows.map((r) => quoteIdent(r.tablename)).join(", ")} CASCADE`);
}

function scaledCounts(scale: number): RowCounts {
  return Object.fromEntries(
    ACCOUNT_TABLE_KEYS.map((k) => [k, k === "customField" ? BASE_COUNTS[k] : Math.max(5, Math.round(BASE_COUNTS[k] * scale))]),
  ) as RowCounts;
}

async function createAccount(db: Db, demo: DemoAccount, passwordHash: string) {
  const plan = await db.plan.findUniqueOrThrow({ where: { code: demo.plan } });
  const account = await db.account.create({
    data: {
      id: deterministicUuid(`account:${demo.slug}`),
      name: demo.name,
      portalAddress: `${demo.slug}.crm.example`,
      planId: plan.id,
      timeZone: demo.timeZone,
      externalDataBytes: BigInt(demo.externalDataBytes ?? 0),
    },
  });
  const admin = await db.user.create({
    data: { id: deterministicUuid(`user:${demo.admin.email}`), ...demo.admin, passwordHash, kind: "CUSTOMER", accountId: account.id },
  });
  await db.account.update({ where: { id: account.id }, data: { ownerId: admin.id } });
  for (const member of demo.members) {
    await db.user.create({
      data: { id: deterministicUuid(`user:${member.email}`), ...member, passwordHash, kind: "CUSTOMER", accountId: account.id },
    });
  }
  return account;
}

/**
 * The demo of SPEC §11: plans, staff, accounts with their admins and members,
 * thousands of CRM rows each and a week of daily snapshots with churn.
 */
export async function seedDemo({ db, runs, now = new Date(), log = () => {} }: { db: Db; runs: Omit<RunEnvironment, "db">; now?: Date; log?: Log }) {
  if ((await db.plan.count()) > 0) await truncateAll(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const plan of PLANS) await db.plan.create({ data: { id: deterministicUuid(`plan:${plan.code}`), ...plan } });
  for (const staff of STAFF) {
    await db.user.create({ data: { id: deterministicUuid(`user:${staff.email}`), ...staff, passwordHash, kind: "SUPPORT" } });
  }

  let rows = 0;
  for (const demo of DEMO_ACCOUNTS) {
    const account = await createAccount(db, demo, passwordHash);
    const counts = scaledCounts(demo.scale);
    const weekStart = new Date(now.getTime() - DEFAULT_RETENTION_DAYS * 24 * 60 * 60 * 1000);
    rows += await loadAccountData(db, account.id, counts, weekStart);
    await simulateWeek({ db, accountId: account.id, counts, now, days: DEFAULT_RETENTION_DAYS, accident: !!demo.accident });
    log(`  ${demo.name}: ${Object.values(counts).reduce((a, b) => a + b, 0).toLocaleString("en")} rows, ${DEFAULT_RETENTION_DAYS} daily snapshots`);
  }
  await seedDemoTickets({ db, now, runs });
  await seedHelp({ db, now });
  await seedCannedReplies({ db });
  await db.counter.create({ data: { name: SEED_MARKER, value: 1 } });
  return { rows };
}

export const SCALE_ACCOUNT_SLUG = "scale";

/** Removes an account's live rows and its snapshots' versions (used before rebuilding the scale account). */
export async function deleteAccountData(db: Db, accountId: string) {
  for (const table of ACCOUNT_TABLES) {
    await db.$executeRawUnsafe(`DELETE FROM ${quoteIdent(table.table)} WHERE "accountId" = $1::uuid`, accountId);
    await db.$executeRawUnsafe(`DELETE FROM ${quoteIdent(table.versionTable)} WHERE "accountId" = $1::uuid`, accountId);
  }
  await db.lossAlert.deleteMany({ where: { accountId } });
  await db.snapshot.deleteMany({ where: { accountId } });
}

/**
 * The benchmark account: `crmRows` contacts, companies, deals and leads, plus
 * activities, comments and history in proportion (half as many each).
 */
export function scaleCounts(crmRows: number): RowCounts {
  return {
    company: Math.round(crmRows * 0.1),
    contact: Math.round(crmRows * 0.45),
    deal: Math.round(crmRows * 0.25),
    lead: crmRows - Math.round(crmRows * 0.1) - Math.round(crmRows * 0.45) - Math.round(crmRows * 0.25),
    activity: Math.round(crmRows * 0.5),
    comment: Math.round(crmRows * 0.5),
    history: Math.round(crmRows * 0.5),
    task: Math.round(crmRows * 0.05),
    product: Math.min(5000, Math.round(crmRows * 0.01)),
    customField: BASE_COUNTS.customField,
  };
}

/** Creates (or rebuilds) the scale account and loads its rows; returns its id. */
export async function seedScaleAccount({ db, crmRows, now = new Date() }: { db: Db; crmRows: number; now?: Date }) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let account = await db.account.findUnique({ where: { portalAddress: `${SCALE_ACCOUNT_SLUG}.crm.example` } });
  if (account) await deleteAccountData(db, account.id);
  else
    account = await createAccount(
      db,
      {
        slug: SCALE_ACCOUNT_SLUG,
        name: "Scale Test Sp. z o.o.",
        plan: "enterprise",
        timeZone: "Europe/Warsaw",
        admin: { email: "admin@scale.test", name: "Skala Admin", locale: "en" },
        members: [],
        scale: 1,
      },
      passwordHash,
    );
  const counts = scaleCounts(crmRows);
  const rows = await loadAccountData(db, account.id, counts, new Date(now.getTime() - 2 * 24 * 60 * 60 * 1000));
  return { accountId: account.id, counts, rows };
}
