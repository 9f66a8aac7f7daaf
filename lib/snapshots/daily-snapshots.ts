import "server-only";
import type { Db } from "@/lib/db/client";
import { pruneSnapshots } from "@/lib/snapshots/prune-snapshots";
import { retentionDaysFromEnv } from "@/lib/retention/retention";
import { takeSnapshot } from "@/lib/snapshots/take-snapshot";

// One job at a time across every server process sharing the database: a
// lease row (a session advisory lock would not survive Prisma's pool handing
// the unlock to another connection). A crashed holder's lease lapses.
const LEASE = "snapshot_job_lease_until_minute";
const LEASE_MINUTES = 60;
const minute = (d: Date) => Math.floor(d.getTime() / 60_000);

async function acquireLease(db: Db, now: Date): Promise<boolean> {
  const rows = await db.$queryRaw<{ value: number }[]>`
    INSERT INTO counter (name, value) VALUES (${LEASE}, ${minute(now) + LEASE_MINUTES})
    ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value WHERE counter.value < ${minute(now)}
    RETURNING value`;
  return rows.length === 1;
}

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The daily backup: every account whose newest daily snapshot is from an
 * earlier (UTC) day gets one now — so a server that was down catches up at
 * start — then snapshots past retention are pruned. Returns what it did;
 * `null` when another process holds the job.
 */
export async function takeDueSnapshots({ db, now = new Date() }: { db: Db; now?: Date }) {
  if (!(await acquireLease(db, now))) return null;
  try {
    const latest = await db.snapshot.groupBy({ by: ["accountId"], where: { kind: "DAILY" }, _max: { takenAt: true } });
    const latestByAccount = new Map(latest.map((row) => [row.accountId, row._max.takenAt]));
    const accounts = await db.account.findMany({ select: { id: true } });
    const due = accounts.filter((a) => {
      const last = latestByAccount.get(a.id);
      return !last || utcDay(last) < utcDay(now);
    });
    for (const account of due) await takeSnapshot({ db, accountId: account.id, kind: "DAILY", takenAt: now, oncePerDay: true });
    const pruned = await pruneSnapshots({ db, now, retentionDays: retentionDaysFromEnv(process.env.SNAPSHOT_RETENTION_DAYS) });
    return { snapshots: due.length, pruned: pruned.length };
  } finally {
    await db.counter.update({ where: { name: LEASE }, data: { value: 0 } });
  }
}
