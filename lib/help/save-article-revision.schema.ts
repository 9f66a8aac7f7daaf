import { z } from "@/lib/zod";
import { isArticleSlug } from "@/lib/help/article-slug";

export const ARTICLE_TITLE_MAX = 200;
export const ARTICLE_BODY_MAX = 50_000;

const title = z.string().trim().min(3, { error: "articleTitleRequired" }).max(ARTICLE_TITLE_MAX, { error: "articleTitleTooLong" });
const body = z.string().trim().min(20, { error: "articleBodyRequired" }).max(ARTICLE_BODY_MAX, { error: "articleBodyTooLong" });

/** An edit of a help article: both languages at once; it becomes the next revision. */
export const ZEditArticleInput = z.object({
  slug: z.string().refine(isArticleSlug),
  /** The revision the editor started from: a newer one means someone else saved meanwhile. */
  baseRevision: z.coerce.number().int().min(1),
  titleEn: title,
  titlePl: title,
  bodyEn: body,
  bodyPl: body,
});
export type EditArticleInput = z.infer<typeof ZEditArticleInput>;
