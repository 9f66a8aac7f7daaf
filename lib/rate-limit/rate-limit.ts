import "server-only";
import type { Db } from "@/lib/db/client";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Fixed-window counter in the database (one atomic upsert), so every server
 * process shares the same count and a restart does not reset it.
 */
export async function hitRateLimit({
  db,
  key,
  limit,
  windowSeconds,
  now = new Date(),
}: {
  db: Db;
  key: string;
  limit: number;
  windowSeconds: number;
  now?: Date;
}): Promise<RateLimitResult> {
  const [row] = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO rate_limit_bucket (key, "windowStart", count) VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit_bucket."windowStart" <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})
                   THEN 1 ELSE rate_limit_bucket.count + 1 END,
      "windowStart" = CASE WHEN rate_limit_bucket."windowStart" <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})
                   THEN ${now} ELSE rate_limit_bucket."windowStart" END
    RETURNING count, "windowStart"`;
  const windowEnds = row.windowStart.getTime() + windowSeconds * 1000;
  return {
    allowed: row.count <= limit,
    remaining: Math.max(0, limit - row.count),
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)),
  };
}

/** Clears a key (e.g. after a successful sign-in). */
export async function resetRateLimit(db: Db, key: string) {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}
