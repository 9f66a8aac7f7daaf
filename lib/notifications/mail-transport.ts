import "server-only";
import nodemailer from "nodemailer";
import { headerSafe } from "@/lib/notifications/email-address";

export type OutgoingEmail = {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** Derived from the outbox row: a resend after a crash carries the same id, so mail clients show it once. */
  messageId: string;
};

/** Where emails go: an SMTP server, or nowhere (kept for the outbox page). */
export type MailTransport = { host: string; send(email: OutgoingEmail): Promise<{ messageId: string }> };

export const DEFAULT_FROM = '"Restore Desk" <no-reply@restoredesk.test>';

/**
 * SMTP from SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS), or null
 * when unset. Short timeouts: a dead server delays mail, it never holds a worker for minutes.
 */
export function mailTransportFromEnv(env: Partial<Record<string, string>> = process.env): MailTransport | null {
  if (!env.SMTP_URL) return null;
  const url = new URL(env.SMTP_URL);
  const transporter = nodemailer.createTransport({
    url: env.SMTP_URL,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // Self-hosted relays on a private network often use their own certificate.
    ...(env.SMTP_TLS_REJECT_UNAUTHORIZED === "false" ? { tls: { rejectUnauthorized: false } } : {}),
  });
  const from = env.MAIL_FROM || DEFAULT_FROM;
  return {
    host: `${url.hostname}:${url.port || (url.protocol === "smtps:" ? 465 : 587)}`,
    async send(email) {
      const info = await transporter.sendMail({
        from,
        to: { name: headerSafe(email.to.name, 100), address: email.to.address },
        subject: headerSafe(email.subject),
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        // Our content only: never let a template pull in a file or a URL.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      return { messageId: info.messageId };
    },
  };
}
