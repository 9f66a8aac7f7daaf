import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";

export const REPORT_WEEKS = 12;

export type WeeklyTimers = {
  /** Monday 00:00 UTC of the week. */
  weekStart: Date;
  filed: number;
  /** Tickets support first answered in the week, and the median time they waited for it. */
  responded: number;
  medianFirstResponseMs: number | null;
  /** Tickets that reached their outcome in the week, and the median time from filing. */
  resolved: number;
  medianResolutionMs: number | null;
};

type Row = { weekStart: Date; filed: bigint; responded: bigint; firstResponseS: number | null; resolved: bigint; resolutionS: number | null };

/**
 * The support report: per week (Monday to Sunday, UTC), the last
 * REPORT_WEEKS weeks newest first. Each figure belongs to the week its event
 * happened — filed by filing, first response by the answer, resolution by
 * the outcome — so a week's medians say how fast support was that week, and
 * a recent week is not skewed by tickets still open. One set-based query;
 * weeks without tickets are there with zeros.
 */
export async function getWeeklyTimersReport({ db = prisma, now = new Date() }: { db?: DbOrTx; now?: Date } = {}): Promise<WeeklyTimers[]> {
  const rows = await db.$queryRaw<Row[]>`
    WITH bounds AS (
      SELECT date_trunc('week', ${now}::timestamptz, 'UTC') AS last, date_trunc('week', ${now}::timestamptz, 'UTC') - ${REPORT_WEEKS - 1} * interval '1 week' AS first
    ),
    weeks AS (
      SELECT generate_series(first, last, interval '1 week') AS week FROM bounds
    ),
    filed AS (
      SELECT date_trunc('week', "createdAt", 'UTC') AS week, count(*) AS n
      FROM restore_ticket, bounds WHERE "createdAt" >= bounds.first GROUP BY 1
    ),
    responded AS (
      SELECT date_trunc('week', "firstResponseAt", 'UTC') AS week, count(*) AS n,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "firstResponseAt" - "createdAt")) AS median
      FROM restore_ticket, bounds WHERE "firstResponseAt" >= bounds.first GROUP BY 1
    ),
    resolved AS (
      SELECT date_trunc('week', "closedAt", 'UTC') AS week, count(*) AS n,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "closedAt" - "createdAt")) AS median
      FROM restore_ticket, bounds WHERE "closedAt" >= bounds.first GROUP BY 1
    )
    SELECT weeks.week AS "weekStart", coalesce(filed.n, 0) AS filed,
           coalesce(responded.n, 0) AS responded, responded.median AS "firstResponseS",
           coalesce(resolved.n, 0) AS resolved, resolved.median AS "resolutionS"
    FROM weeks
    LEFT JOIN filed ON filed.week = weeks.week
    LEFT JOIN responded ON responded.week = weeks.week
    LEFT JOIN resolved ON resolved.week = weeks.week
    ORDER BY weeks.week DESC`;
  const ms = (seconds: number | null) => (seconds === null ? null : Math.round(Number(seconds) * 1000));
  return rows.map((row) => ({
    weekStart: row.weekStart,
    filed: Number(row.filed),
    responded: Number(row.responded),
    medianFirstResponseMs: ms(row.firstResponseS),
    resolved: Number(row.resolved),
    medianResolutionMs: ms(row.resolutionS),
  }));
}
