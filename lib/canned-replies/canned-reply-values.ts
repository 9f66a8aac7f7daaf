import { formatTicketNumber } from "@/lib/format/ticket-number";
import type { VariableValues } from "@/lib/canned-replies/canned-reply-template";

export type TicketFacts = {
  number: number;
  requesterName: string;
  /** A calendar day (@db.Date, midnight UTC). */
  restoreDate: Date;
  /** When the held backup leaves the retention window; null when none is held. */
  backupExpiresAt: Date | null;
  /** The account's time zone: the customer reads the expiry in their own clock. */
  timeZone: string;
  /** The absolute download address of a CSV file that exists and has not expired. */
  csvUrl: string | null;
};

/**
 * The values a reply in `locale` is filled with: dates written that
 * language's way (a reply in Polish says "3 grudnia 2026" even to an
 * English requester, so a sentence never mixes languages).
 */
export function variableValues(ticket: TicketFacts, { locale, agentName, now }: { locale: string; agentName: string; now: Date }): VariableValues {
  const held = ticket.backupExpiresAt && ticket.backupExpiresAt > now ? ticket.backupExpiresAt : null;
  return {
    requesterName: ticket.requesterName,
    ticketNumber: formatTicketNumber(ticket.number),
    restoreDate: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(ticket.restoreDate),
    backupExpiry: held
      ? new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: ticket.timeZone, timeZoneName: "short" }).format(held)
      : null,
    csvLink: ticket.csvUrl,
    agentName,
  };
}
