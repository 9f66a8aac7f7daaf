import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { LOCALES } from "@/lib/i18n/locale";
import { matchesSearch } from "@/lib/canned-replies/canned-reply-template";

export type CannedReplyRow = { id: string; locale: string; title: string; body: string; updatedAt: string; updatedBy: string | null };

/**
 * Support's list page: every language (an empty one too, so it can be
 * filled), replies by title, filtered by the search words. Few enough
 * replies to filter here rather than in SQL, the same way the picker does.
 */
export async function listCannedReplies({ db = prisma, query = "" }: { db?: Db; query?: string }) {
  const replies = await db.cannedReply.findMany({
    orderBy: [{ locale: "asc" }, { title: "asc" }],
    select: { id: true, locale: true, title: true, body: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  const rows: CannedReplyRow[] = replies
    .filter((r) => matchesSearch(query, r.title, r.body))
    .map((r) => ({ id: r.id, locale: r.locale, title: r.title, body: r.body, updatedAt: r.updatedAt.toISOString(), updatedBy: r.updatedBy?.name ?? null }));
  return {
    total: replies.length,
    groups: LOCALES.map((locale) => ({ locale, replies: rows.filter((r) => r.locale === locale).sort((a, b) => a.title.localeCompare(b.title, locale)) })),
  };
}
