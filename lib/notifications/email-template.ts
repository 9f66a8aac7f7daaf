/**
 * One notification as an email: subject, plain text and simple HTML, in the
 * recipient's language, with links back into the app. Pure.
 */
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { headerSafe } from "@/lib/notifications/email-address";
import { describeNotification, type NotificationData, type Translate } from "@/lib/notifications/notification-text";
import { formatTicketNumber } from "@/lib/format/ticket-number";

export type EmailAudience = "customer" | "staff";

export type EmailInput = {
  kind: NotificationKind;
  data: NotificationData;
  locale: string;
  t: Translate;
  recipient: { name: string; audience: EmailAudience };
  /** The app's public address, e.g. https://restore.example.com */
  baseUrl: string;
};

export type RenderedEmail = { subject: string; text: string; html: string };

export const PREFERENCES_PATH = "/settings/notifications";

/** About the account as a whole, for every user of it: members cannot open ticket pages. */
const ACCOUNT_WIDE: readonly NotificationKind[] = ["ACCOUNT_RESTORE_STARTED", "ACCOUNT_RESTORE_FINISHED"];

/** Where a notification leads: the ticket as its reader sees it, or the reader's start page. */
export function notificationPath(audience: EmailAudience, kind: NotificationKind, ticket: number | undefined): string {
  if (!ticket || ACCOUNT_WIDE.includes(kind)) return audience === "staff" ? "/support/tickets" : "/recovery";
  const number = formatTicketNumber(ticket);
  return audience === "staff" ? `/support/tickets/${number}` : `/recovery/${number}`;
}

/** "Review and restore": the request form filled in from a loss alert. */
export const reviewLossPath = (alertId: string) => `/recovery/new?lossAlert=${encodeURIComponent(alertId)}`;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function links({ kind, data, recipient, baseUrl }: EmailInput) {
  const base = baseUrl.replace(/\/+$/, "");
  const ticket = data.ticket ? formatTicketNumber(data.ticket) : null;
  return {
    // A loss alert leads straight to the request form, filled in from the alert.
    open: base + (data.loss ? reviewLossPath(data.loss.alertId) : notificationPath(recipient.audience, kind, data.ticket)),
    // A CSV restore's file: the account admin and support may download it (others get 404).
    csv: kind === "RESTORE_COMPLETED" && data.rows !== undefined && ticket ? `${base}/api/tickets/${ticket}/csv` : null,
    preferences: base + PREFERENCES_PATH,
  };
}

export function renderEmail(input: EmailInput): RenderedEmail {
  const { t, locale, kind, data, recipient } = input;
  const text = describeNotification(t, locale, kind, data);
  const url = links(input);
  const greeting = t("email.greeting", { name: headerSafe(recipient.name, 100) });
  const openLabel = data.loss
    ? t("email.reviewAndRestore")
    : data.ticket && !ACCOUNT_WIDE.includes(kind)
      ? t("email.open", { ticket: formatTicketNumber(data.ticket) })
      : t("email.openAccount");
  const why = data.loss ? t("email.whyLoss", { account: data.account ?? "" }) : t("email.why");
  const quoteLines = text.quote ? text.quote.text.split(/\r\n|\r|\n/) : [];

  const plain = [
    greeting,
    "",
    text.body,
    ...text.extras,
    ...(text.quote ? ["", text.quote.heading, ...quoteLines.map((line) => `> ${line}`), ...(text.quote.truncated ? [`> […] ${t("email.truncated")}`] : [])] : []),
    "",
    `${openLabel}: ${url.open}`,
    ...(url.csv ? [`${t("email.download")}: ${url.csv}`] : []),
    "",
    "-- ",
    "Restore Desk",
    why,
    `${t("email.preferences")}: ${url.preferences}`,
  ].join("\n");

  const paragraph = (content: string) => `<p style="margin:0 0 12px">${escapeHtml(content)}</p>`;
  const button = (href: string, label: string) =>
    `<a href="${escapeHtml(href)}" style="display:inline-block;margin:4px 8px 4px 0;padding:10px 16px;border-radius:6px;background:#1d4ed8;color:#ffffff;text-decoration:none;font-weight:600">${escapeHtml(label)}</a>`;
  const html = [
    `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><title>${escapeHtml(text.title)}</title></head>`,
    `<body style="margin:0;padding:24px;background:#f1f5f9;font-family:Arial,Helvetica,sans-serif;color:#0f172a;font-size:15px;line-height:1.5">`,
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">`,
    `<p style="margin:0 0 16px;font-weight:700;color:#1d4ed8">↺ Restore Desk</p>`,
    `<h1 style="margin:0 0 16px;font-size:18px">${escapeHtml(text.title)}</h1>`,
    paragraph(greeting),
    paragraph(text.body),
    ...text.extras.map(paragraph),
    ...(text.quote
      ? [
          `<p style="margin:0 0 4px;font-weight:600">${escapeHtml(text.quote.heading)}</p>`,
          `<blockquote style="margin:0 0 12px;padding:8px 12px;border-left:3px solid #cbd5e1;color:#334155;white-space:pre-wrap">${escapeHtml(text.quote.text)}${text.quote.truncated ? `<br>[…] ${escapeHtml(t("email.truncated"))}` : ""}</blockquote>`,
        ]
      : []),
    `<p style="margin:16px 0">${button(url.open, openLabel)}${url.csv ? button(url.csv, t("email.download")) : ""}</p>`,
    `<hr style="border:none;border-top:1px solid #e2e8f0;margin:24px 0 12px">`,
    `<p style="margin:0;color:#64748b;font-size:13px">${escapeHtml(why)} <a href="${escapeHtml(url.preferences)}" style="color:#1d4ed8">${escapeHtml(t("email.preferences"))}</a></p>`,
    `</div></body></html>`,
  ].join("\n");

  return { subject: headerSafe(`[Restore Desk] ${text.title}`, 200), text: plain, html };
}
