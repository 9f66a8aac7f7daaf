import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import type { EditArticleInput } from "@/lib/help/save-article-revision.schema";

/**
 * Saving an article never changes what was voted on: it adds revision n+1
 * (votes stay with the revision their reader saw). Two editors saving from
 * the same revision: the second is told, not silently overwritten.
 */
export async function saveArticleRevision({ db, authorId, input }: { db: Db; authorId: string; input: EditArticleInput }) {
  const article = await db.helpArticle.findUnique({ where: { slug: input.slug }, include: { revisions: { orderBy: { number: "desc" }, take: 1 } } });
  if (!article) throw new AppError("NOT_FOUND", "ARTICLE_NOT_FOUND");
  const latest = article.revisions[0]?.number ?? 0;
  if (latest !== input.baseRevision) throw new AppError("CONFLICT", "ARTICLE_CHANGED");
  const { titleEn, titlePl, bodyEn, bodyPl } = input;
  try {
    return await db.helpArticleRevision.create({ data: { articleId: article.id, number: latest + 1, titleEn, titlePl, bodyEn, bodyPl, authorId } });
  } catch (error) {
    // (articleId, number) is unique: a concurrent save took this number.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "ARTICLE_CHANGED");
    throw error;
  }
}
