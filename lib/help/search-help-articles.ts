import "server-only";
import { prisma } from "@/lib/db/prisma";
import { listHelpArticles, type HelpLocale } from "@/lib/help/help-articles";

/** The help index: every article, or those matching the query, in the reader's language. */
export function searchHelpArticles({ locale, query }: { locale: HelpLocale; query: string }) {
  return listHelpArticles(prisma, locale, query);
}
