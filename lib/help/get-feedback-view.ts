import "server-only";
import { prisma } from "@/lib/db/prisma";
import { loadFeedbackAnalytics } from "@/lib/help/feedback-analytics";

/** The feedback page: one article's (or revision's) analytics and the articles to switch to; null for an unknown article. */
export async function getFeedbackView({ slug, revisionId }: { slug: string; revisionId: string | null }) {
  const [analytics, articles] = await Promise.all([
    loadFeedbackAnalytics(prisma, { slug, revisionId }),
    prisma.helpArticle.findMany({ orderBy: { slug: "asc" }, select: { slug: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { titleEn: true, titlePl: true } } } }),
  ]);
  return analytics && { analytics, articles };
}
