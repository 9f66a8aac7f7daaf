import "server-only";
import type { Db } from "@/lib/db/client";
import { pruneSnapshots } from "@/lib/snapshots/prune-snapshots";
import { retentionDaysFromEnv } from "@/lib/retention/retention";
import { takeSnapshot } from "@/lib/snapshots/take-snapshot";

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The daily backup: every account whose newest daily snapshot is from an
 * earlier (UTC) day gets one now — so a server that was down catches up at
 * start — then snapshots past retention are pruned. Returns what it found due
 * and pruned. Two at once (two workers) are safe: each account's snapshot lock
 * and its once-a-day check make one backup per account and day.
 */
export async function takeDueSnapshots({ db, now = new Date() }: { db: Db; now?: Date }) {
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
}
