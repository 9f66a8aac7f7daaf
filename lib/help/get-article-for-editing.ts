import "server-only";
import { prisma } from "@/lib/db/prisma";
import { isArticleSlug } from "@/lib/help/article-slug";

/** The article's latest revision, which the editor starts from; null for an unknown article. */
export async function getArticleForEditing(slug: string) {
  if (!isArticleSlug(slug)) return null;
  const article = await prisma.helpArticle.findUnique({ where: { slug }, include: { revisions: { orderBy: { number: "desc" }, take: 1 } } });
  return article?.revisions[0] ?? null;
}
