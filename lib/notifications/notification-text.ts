/**
 * The words of a notification, in the reader's language: one source for the
 * bell, the notifications page and the emails. Pure: give it a translator.
 */
import type { NotificationKind, RestoreMethod } from "@/lib/generated/prisma/enums";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import type { AccountTableKey } from "@/lib/account-data/tables";

/** Longest quote (a reply, a question, a reason) carried into a notification or an email. */
export const QUOTE_MAX = 2_000;

export type QuoteHeading = "reasonHeading" | "questionHeading" | "replyHeading";

/** The facts stored with a notification, written when it is created. */
export type NotificationData = {
  ticket?: number;
  method?: RestoreMethod;
  account?: string;
  /** The restore date, YYYY-MM-DD. */
  date?: string;
  actor?: string;
  quote?: { heading: QuoteHeading; text: string };
  /** CSV restores: items in the file. */
  rows?: number;
  /** A restore that may revert or remove: the account is read-only while it runs. */
  readOnly?: boolean;
  /** Full and selective restores: rows written and removed. */
  written?: number;
  removed?: number;
  /** BACKUP_EXPIRING: when the held backup leaves the window (ISO). */
  expires?: string;
  /** LOSS_DETECTED / LOSS_REMINDER: what the daily backup noticed (counts, never records). */
  loss?: LossFacts;
};

export type LossFacts = {
  alertId: string;
  type: AccountTableKey;
  kind: "DELETED" | "MASS_EDIT";
  count: number;
  percent: number;
  /** The two backups the loss happened between, and when the earlier one expires (ISO). */
  from: string;
  to: string;
  expires: string;
  /** The account's time zone: the admin reads the times as their CRM shows them. */
  timeZone: string;
  field?: string;
  value?: string;
};

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export type NotificationText = {
  title: string;
  body: string;
  /** Further sentences: the read-only warning, the CSV's size, the full restore's figures. */
  extras: string[];
  quote: { heading: string; text: string; truncated: boolean } | null;
};

/** Cuts a quote to QUOTE_MAX characters, never between the halves of a surrogate pair. */
export function shortenQuote(text: string): { text: string; truncated: boolean } {
  if (text.length <= QUOTE_MAX) return { text, truncated: false };
  const cut = text.slice(0, QUOTE_MAX);
  return { text: /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut, truncated: true };
}

const EXPIRY_TIME_ZONE = "Europe/Warsaw";

/** A backup's moment as the loss texts say it: "Fri, 27 Nov, 02:00" in the account's time zone. */
export function formatBackupMoment(locale: string, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(iso));
}

function lossParams(t: Translate, locale: string, loss: LossFacts): Record<string, string | number> {
  return {
    items: t(`lossItems.${loss.type}`, { count: loss.count }),
    typeName: t(`lossTypes.${loss.type}`),
    count: loss.count,
    percent: loss.percent,
    from: formatBackupMoment(locale, loss.from, loss.timeZone),
    to: formatBackupMoment(locale, loss.to, loss.timeZone),
    backupDay: new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: loss.timeZone }).format(new Date(loss.from)),
    lossExpires: formatBackupMoment(locale, loss.expires, loss.timeZone),
    // A custom field is named by its code, as the CRM shows it.
    field: (loss.field ?? "").replace(/^customFields\./, ""),
    value: loss.value ? loss.value : t("emptyValue"),
  };
}

/** `t` is scoped to the "notifications" messages. */
export function describeNotification(t: Translate, locale: string, kind: NotificationKind, data: NotificationData): NotificationText {
  const params: Record<string, string | number> = {
    ticket: data.ticket ? formatTicketNumber(data.ticket) : "",
    account: data.account ?? "",
    what: data.method ? t(`what.${data.method}`) : "",
    // A calendar day (the restore date), written the reader's way.
    date: data.date ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${data.date}T00:00:00Z`)) : "",
    actor: data.actor ?? "",
    expires: data.expires
      ? new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: EXPIRY_TIME_ZONE, timeZoneName: "short" }).format(new Date(data.expires))
      : "",
  };
  if (data.loss) Object.assign(params, lossParams(t, locale, data.loss));
  const extras: string[] = [];
  if (kind === "RESTORE_STARTED" && (data.method === "FULL" || data.readOnly)) extras.push(t("extra.readOnly", params));
  if (kind === "RESTORE_COMPLETED" && data.rows !== undefined) extras.push(t("extra.csvReady", { rows: data.rows }));
  if (kind === "RESTORE_COMPLETED" && data.written !== undefined) extras.push(t("extra.fullSummary", { written: data.written, removed: data.removed ?? 0 }));
  const quote = data.quote ? { heading: t(`extra.${data.quote.heading}`), ...shortenQuote(data.quote.text) } : null;
  const bodyKey = data.loss ? `kinds.${kind}.${data.loss.kind === "MASS_EDIT" ? "bodyEdit" : "body"}` : `kinds.${kind}.body`;
  return { title: t(`kinds.${kind}.title`, params), body: t(bodyKey, params), extras, quote };
}
