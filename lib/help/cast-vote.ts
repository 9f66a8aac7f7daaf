import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { VOTE_RATE_LIMIT, type VoteInput } from "@/lib/help/feedback-rules";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";

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

/**
 * One vote per visitor per revision: a second vote replaces the first (a
 * visitor may change their mind). The address's rate limit is checked first;
 * a refused vote stores nothing.
 */
export async function castVote({ db, input, visitorId, ipHash, accountId, locale, now = new Date() }: CastVote) {
  const limit = await hitRateLimit({ db, key: `vote:${ipHash}`, ...VOTE_RATE_LIMIT, now });
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "FEEDBACK_RATE_LIMITED", { minutes: Math.ceil(limit.retryAfterSeconds / 60) });

  const revision = await db.helpArticleRevision.findUnique({ where: { id: input.revisionId }, select: { id: true, articleId: true } });
  if (!revision) throw new AppError("NOT_FOUND", "FEEDBACK_UNKNOWN_ARTICLE");
  const fields = {
    helpful: input.helpful === "yes",
    reasons: input.reasons,
    comment: input.comment || null,
    ipHash,
    accountId,
    locale,
  };
  return db.feedbackVote.upsert({
    where: { revisionId_visitorId: { revisionId: revision.id, visitorId } },
    create: { ...fields, articleId: revision.articleId, revisionId: revision.id, visitorId, createdAt: now },
    update: fields,
    select: { id: true, helpful: true, reasons: true, comment: true },
  });
}

/** The visitor's current vote on a revision (for showing "thanks" after a reload). */
export async function findVote(db: Db, revisionId: string, visitorId: string) {
  return db.feedbackVote.findUnique({ where: { revisionId_visitorId: { revisionId, visitorId } }, select: { helpful: true, reasons: true, comment: true } });
}
