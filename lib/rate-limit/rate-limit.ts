import "server-only";
import type { Db } from "@/lib/db/client";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };
type Bucket = { count: number; windowStart: Date };

/**
 * Fixed-window counter in the database (one atomic upsert), so every server
 * process shares the same count and a restart does not reset it. The
 * statement takes the key, the time and the window length as parameters
 * number `first`, `first + 1`, `first + 2`, so it can open a larger statement
 * (the vote endpoint counts and stores in one round trip).
 */
export function rateLimitUpsertSql(first: number): string {
  const [key, now, windowSeconds] = [`$${first}`, `$${first + 1}::timestamptz`, `$${first + 2}::int`];
  const expired = `rate_limit_bucket."windowStart" <= ${now} - make_interval(secs => ${windowSeconds})`;
  return `INSERT INTO rate_limit_bucket (key, "windowStart", count) VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN ${expired} THEN 1 ELSE rate_limit_bucket.count + 1 END,
      "windowStart" = CASE WHEN ${expired} THEN ${now} ELSE rate_limit_bucket."windowStart" END
    RETURNING count, "windowStart"`;
}

export function rateLimitResult(bucket: Bucket, { limit, windowSeconds, now }: { limit: number; windowSeconds: number; now: Date }): RateLimitResult {
  const windowEnds = bucket.windowStart.getTime() + windowSeconds * 1000;
  return {
    allowed: bucket.count <= limit,
    remaining: Math.max(0, limit - bucket.count),
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)),
  };
}

export async function hitRateLimit({ db, key, limit, windowSeconds, now = new Date() }: { db: Db; key: string; limit: number; windowSeconds: number; now?: Date }): Promise<RateLimitResult> {
  const [bucket] = await db.$queryRawUnsafe<Bucket[]>(rateLimitUpsertSql(1), key, now, windowSeconds);
  return rateLimitResult(bucket, { limit, windowSeconds, now });
}

/** Clears a key (e.g. after a successful sign-in). */
export async function resetRateLimit(db: Db, key: string) {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}
