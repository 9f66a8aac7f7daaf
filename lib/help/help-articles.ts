import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";

export type HelpLocale = "en" | "pl";

const pick = (revision: { titleEn: string; titlePl: string; bodyEn: string; bodyPl: string }, locale: HelpLocale) => ({
  title: locale === "pl" ? revision.titlePl : revision.titleEn,
  body: locale === "pl" ? revision.bodyPl : revision.bodyEn,
});

const EXCERPT_CHARS = 200;

/** The first paragraph without markdown marks, cut at a word with an ellipsis when long. */
function excerpt(body: string): string {
  const text = body.split("\n")[0].replace(/[*_[\]]/g, "").replace(/\((\/[^)]*)\)/g, "");
  if (text.length <= EXCERPT_CHARS) return text;
  return `${text.slice(0, text.lastIndexOf(" ", EXCERPT_CHARS))}…`;
}

/** Every article's latest revision, optionally filtered by words in its title or text (in the reader's language). */
export async function listHelpArticles({ locale, query = "", db = prisma }: { locale: HelpLocale; query?: string; db?: DbOrTx }) {
  const articles = await db.helpArticle.findMany({
    orderBy: { slug: "asc" },
    include: { revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return articles
    .filter((a) => a.revisions.length)
    .map((a) => ({ slug: a.slug, revision: a.revisions[0], ...pick(a.revisions[0], locale) }))
    .filter((a) => words.every((w) => `${a.title}\n${a.body}`.toLowerCase().includes(w)))
    .map(({ slug, title, body, revision }) => ({ slug, title, excerpt: excerpt(body), updatedAt: revision.createdAt }));
}

/** The article as readers see it now: its latest revision. */
export async function getHelpArticle({ slug, locale, db = prisma }: { slug: string; locale: HelpLocale; db?: DbOrTx }) {
  const article = await db.helpArticle.findUnique({ where: { slug }, include: { revisions: { orderBy: { number: "desc" }, take: 1 } } });
  const revision = article?.revisions[0];
  if (!article || !revision) return null;
  return { id: article.id, slug, revision: { id: revision.id, number: revision.number, createdAt: revision.createdAt }, ...pick(revision, locale) };
}
