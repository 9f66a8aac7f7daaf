import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { VOTE_RATE_LIMIT, type VoteInput } from "@/lib/help/feedback-rules";
import { rateLimitResult, rateLimitUpsertSql } from "@/lib/rate-limit/rate-limit";
import { prisma } from "@/lib/db/prisma";

export type CastVote = {
  db: Db;
  input: VoteInput;
  visitorId: string;
  ipHash: string;
  /** A signed-in customer's account: links a "No" to a later restore request. */
  accountId: string | null;
  locale: string;
  now?: Date;
};

type Outcome = { count: number; windowStart: Date; found: boolean; helpful: boolean | null };

/**
 * One vote per visitor per revision: a second vote replaces the first (a
 * visitor may change their mind). One statement, one round trip: count the
 * address's votes, and store the vote only if the address is under its limit
 * and the revision exists — a refused vote stores nothing.
 */
export async function castVote({ db, input, visitorId, ipHash, accountId, locale, now = new Date() }: CastVote) {
  const [outcome] = await db.$queryRawUnsafe<Outcome[]>(
    // A vote is feedback, not a record anyone relies on: its commit does not
    // wait for the disk flush (a crash may lose the last few milliseconds of votes).
    `WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true)),
          bucket AS (${rateLimitUpsertSql(1)}),
          revision AS (SELECT id, "articleId" FROM help_article_revision WHERE id = $4::uuid),
          vote AS (
            INSERT INTO feedback_vote (id, "articleId", "revisionId", "visitorId", helpful, reasons, comment, "ipHash", "accountId", locale, "createdAt", "updatedAt")
            SELECT gen_random_uuid(), r."articleId", r.id, $5, $6, $7::text[], $8, $9, $10::uuid, $11, $2::timestamptz, $2::timestamptz
            FROM revision r, bucket b WHERE b.count <= $12
            ON CONFLICT ("revisionId", "visitorId") DO UPDATE SET helpful = EXCLUDED.helpful, reasons = EXCLUDED.reasons, comment = EXCLUDED.comment,
              "ipHash" = EXCLUDED."ipHash", "accountId" = EXCLUDED."accountId", locale = EXCLUDED.locale, "updatedAt" = EXCLUDED."updatedAt"
            RETURNING helpful)
     SELECT b.count, b."windowStart", EXISTS (SELECT 1 FROM revision) AS found, (SELECT helpful FROM vote) AS helpful FROM bucket b, async_commit`,
    `vote:${ipHash}`,
    now,
    VOTE_RATE_LIMIT.windowSeconds,
    input.revisionId,
    visitorId,
    input.helpful === "yes",
    input.reasons,
    input.comment || null,
    ipHash,
    accountId,
    locale,
    VOTE_RATE_LIMIT.limit,
  );
  const limit = rateLimitResult(outcome, { ...VOTE_RATE_LIMIT, now });
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "FEEDBACK_RATE_LIMITED", { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
  if (!outcome.found || outcome.helpful === null) throw new AppError("NOT_FOUND", "FEEDBACK_UNKNOWN_ARTICLE");
  return { helpful: outcome.helpful };
}

/** The visitor's current vote on a revision (for showing "thanks" after a reload). */
export async function findVote({ revisionId, visitorId, db = prisma }: { revisionId: string; visitorId: string; db?: Db }) {
  return db.feedbackVote.findUnique({ where: { revisionId_visitorId: { revisionId, visitorId } }, select: { helpful: true, reasons: true, comment: true } });
}
