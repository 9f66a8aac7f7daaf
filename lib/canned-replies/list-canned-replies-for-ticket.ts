import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import { DEFAULT_LOCALE, isLocale, LOCALES } from "@/lib/i18n/locale";
import { appBaseUrl } from "@/lib/notifications/app-url";
import { fillTemplate, type CannedReplyChoices } from "@/lib/canned-replies/canned-reply-template";
import { variableValues } from "@/lib/canned-replies/canned-reply-values";

/**
 * The ticket page's picker: every canned reply filled for this ticket, the
 * requester's language first (the others follow: an agent may answer a
 * Polish admin's English colleague). Each language's replies get dates
 * written that language's way. Null for a ticket that does not exist.
 */
export async function listCannedRepliesForTicket({ db = prisma, number, agentName, now = new Date() }: { db?: Db; number: number; agentName: string; now?: Date }): Promise<CannedReplyChoices | null> {
  const [ticket, replies] = await Promise.all([
    db.restoreTicket.findUnique({
      where: { number },
      select: {
        number: true,
        restoreDate: true,
        backupExpiresAt: true,
        requester: { select: { name: true, locale: true } },
        account: { select: { timeZone: true } },
        // The newest file, as the download route serves it.
        csvFiles: { orderBy: { createdAt: "desc" }, take: 1, select: { expiresAt: true } },
      },
    }),
    db.cannedReply.findMany({ select: { id: true, locale: true, title: true, body: true } }),
  ]);
  if (!ticket) return null;
  const requesterLocale = isLocale(ticket.requester.locale) ? ticket.requester.locale : DEFAULT_LOCALE;
  const csv = ticket.csvFiles[0];
  const facts = {
    number: ticket.number,
    requesterName: ticket.requester.name,
    restoreDate: ticket.restoreDate,
    backupExpiresAt: ticket.backupExpiresAt,
    timeZone: ticket.account.timeZone,
    // An expired file answers 410: a link to it would only disappoint.
    csvUrl: csv && csv.expiresAt > now ? `${appBaseUrl()}/api/tickets/${formatTicketNumber(ticket.number)}/csv` : null,
  };
  const order = [requesterLocale, ...LOCALES.filter((l) => l !== requesterLocale)];
  return {
    groups: order.map((locale) => {
      const values = variableValues(facts, { locale, agentName, now });
      return {
        locale,
        requesterLanguage: locale === requesterLocale,
        replies: replies
          .filter((r) => r.locale === locale)
          .sort((a, b) => a.title.localeCompare(b.title, locale))
          .map((r) => ({ id: r.id, locale, title: r.title, ...fillTemplate(r.body, values) })),
      };
    }),
  };
}
