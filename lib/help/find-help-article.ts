import "server-only";
import { prisma } from "@/lib/db/prisma";
import { getHelpArticle, type HelpLocale } from "@/lib/help/help-articles";

/** An article's latest revision in the reader's language; null for an unknown article. */
export function findHelpArticle({ slug, locale }: { slug: string; locale: HelpLocale }) {
  return getHelpArticle(prisma, slug, locale);
}
