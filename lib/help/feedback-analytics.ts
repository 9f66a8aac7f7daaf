import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { FEEDBACK_REASONS, wilsonInterval } from "@/lib/help/feedback-rules";

export type RevisionFigures = { revisionId: string; number: number; createdAt: Date; yes: number; no: number; wilson: ReturnType<typeof wilsonInterval> };
export type FeedbackAnalytics = {
  article: { id: string; slug: string; titleEn: string; titlePl: string };
  revisions: RevisionFigures[];
  /** The revision the breakdowns below are for; null = every revision. */
  revisionId: string | null;
  total: { yes: number; no: number; wilson: ReturnType<typeof wilsonInterval> };
  reasons: { reason: string; count: number }[];
  trend: { week: string; yes: number; no: number }[];
  comments: { id: string; comment: string; helpful: boolean; reasons: string[]; locale: string; createdAt: Date }[];
  /** "No" votes by signed-in customers whose account filed a restore request within 24 hours. */
  noThenRequest: { votes: number; followed: number };
};

/** Restricts to one revision ($2) when one is chosen; `alias` qualifies the column. */
const scope = (revisionId: string | null, alias = "") => (revisionId ? `AND ${alias}"revisionId" = $2::uuid` : `AND $2::uuid IS NULL`);

/**
 * The support view of one article's feedback. Counts, reasons and trends
 * come from the per-day rollup (feedback_daily, kept by triggers), comments
 * and the "No → request" figure from indexed votes; the queries run side by side.
 */
export async function loadFeedbackAnalytics(db: DbOrTx, { slug, revisionId = null }: { slug: string; revisionId?: string | null }): Promise<FeedbackAnalytics | null> {
  const article = await db.helpArticle.findUnique({ where: { slug }, include: { revisions: { orderBy: { number: "asc" }, select: { id: true, number: true, createdAt: true } } } });
  if (!article) return null;
  const latest = await db.helpArticleRevision.findFirstOrThrow({ where: { articleId: article.id }, orderBy: { number: "desc" } });
  const chosen = revisionId && article.revisions.some((r) => r.id === revisionId) ? revisionId : null;
  const params = [article.id, chosen] as const;

  const [perRevision, reasons, trend, comments, followed] = await Promise.all([
    db.$queryRawUnsafe<{ revisionId: string; yes: bigint; no: bigint }[]>(
      `SELECT "revisionId"::text AS "revisionId", sum(yes)::bigint AS yes, sum(no)::bigint AS no
       FROM feedback_daily WHERE "articleId" = $1::uuid GROUP BY "revisionId"`,
      article.id,
    ),
    db.$queryRawUnsafe<{ k: bigint; count: bigint }[]>(
      `SELECT u.k, sum(u.c)::bigint AS count FROM feedback_daily, unnest("reasonCounts") WITH ORDINALITY AS u(c, k)
       WHERE "articleId" = $1::uuid ${scope(chosen)} GROUP BY u.k`,
      ...params,
    ),
    db.$queryRawUnsafe<{ week: Date; yes: bigint; no: bigint }[]>(
      `SELECT date_trunc('week', day) AS week, sum(yes)::bigint AS yes, sum(no)::bigint AS no
       FROM feedback_daily WHERE "articleId" = $1::uuid ${scope(chosen)} GROUP BY 1 ORDER BY 1`,
      ...params,
    ),
    db.$queryRawUnsafe<FeedbackAnalytics["comments"]>(
      `SELECT id::text, comment, helpful, reasons, locale, "createdAt" FROM feedback_vote
       WHERE "articleId" = $1::uuid ${scope(chosen)} AND comment IS NOT NULL ORDER BY "createdAt" DESC LIMIT 20`,
      ...params,
    ),
    db.$queryRawUnsafe<{ votes: bigint; followed: bigint }[]>(
      `SELECT count(*) AS votes, count(*) FILTER (WHERE EXISTS (
         SELECT 1 FROM restore_ticket t WHERE t."accountId" = v."accountId" AND t."createdAt" >= v."createdAt" AND t."createdAt" < v."createdAt" + interval '24 hours')) AS followed
       FROM feedback_vote v WHERE v."articleId" = $1::uuid AND NOT v.helpful AND v."accountId" IS NOT NULL ${scope(chosen, "v.")}`,
      ...params,
    ),
  ]);

  const counts = new Map(perRevision.map((r) => [r.revisionId, { yes: Number(r.yes), no: Number(r.no) }]));
  const revisions = article.revisions.map((r) => {
    const c = counts.get(r.id) ?? { yes: 0, no: 0 };
    return { revisionId: r.id, number: r.number, createdAt: r.createdAt, ...c, wilson: wilsonInterval(c.yes, c.yes + c.no) };
  });
  const inScope = revisions.filter((r) => !chosen || r.revisionId === chosen);
  const yes = inScope.reduce((n, r) => n + r.yes, 0);
  const no = inScope.reduce((n, r) => n + r.no, 0);
  // reasonCounts[k - 1] counts FEEDBACK_REASONS[k - 1] (the trigger's order).
  const reasonCounts = new Map(reasons.map((r) => [FEEDBACK_REASONS[Number(r.k) - 1], Number(r.count)]));
  return {
    article: { id: article.id, slug: article.slug, titleEn: latest.titleEn, titlePl: latest.titlePl },
    revisions,
    revisionId: chosen,
    total: { yes, no, wilson: wilsonInterval(yes, yes + no) },
    reasons: FEEDBACK_REASONS.map((reason) => ({ reason, count: reasonCounts.get(reason) ?? 0 })),
    trend: trend.map((w) => ({ week: w.week.toISOString().slice(0, 10), yes: Number(w.yes), no: Number(w.no) })),
    comments,
    noThenRequest: { votes: Number(followed[0]?.votes ?? 0), followed: Number(followed[0]?.followed ?? 0) },
  };
}
