import "server-only";
import type { Db } from "@/lib/db/client";
import type { MailTransport } from "@/lib/notifications/mail-transport";
import { afterFailedAttempt } from "@/lib/notifications/retry-policy";

/** How long a claimed email is a worker's own; past it (the worker died) another may take it. */
const LEASE_MS = 2 * 60_000;

const CONNECTION_ERRORS = new Set(["ECONNREFUSED", "ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ENOTFOUND", "EHOSTUNREACH"]);
const isConnectionError = (error: unknown) => CONNECTION_ERRORS.has((error as { code?: string } | null)?.code ?? "");

type Claimed = { id: string; toAddress: string; toName: string; subject: string; textBody: string; htmlBody: string; attempts: number };

export type DeliveryReport = {
  claimed: number;
  sent: number;
  kept: number;
  retrying: number;
  failed: number;
  /** When the earliest email still owed may be tried (its retry time, or its lease's end); null when none is owed. */
  nextTryAt: Date | null;
};

/**
 * Sends the emails that are due, once each: a batch is claimed with a lease
 * (SKIP LOCKED, so several servers share the work), sent, and marked. Every
 * mark is conditional on the claim's attempt number, so a worker that lost
 * its lease cannot overwrite a newer outcome. Without SMTP the emails are
 * kept for the outbox page.
 */
export async function deliverDueEmails({
  db,
  transport,
  now = new Date(),
  batchSize = 20,
}: {
  db: Db;
  transport: MailTransport | null;
  now?: Date;
  batchSize?: number;
}): Promise<DeliveryReport> {
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE email_outbox SET "lockedUntil" = ${new Date(now.getTime() + LEASE_MS)}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM email_outbox
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "toAddress", "toName", subject, "textBody", "htmlBody", attempts`;
  const report: DeliveryReport = { claimed: claimed.length, sent: 0, kept: 0, retrying: 0, failed: 0, nextTryAt: null };
  // Once the server cannot be reached, the rest of the batch waits too instead of timing out one by one.
  let unreachable: unknown = null;
  for (const email of claimed) {
    const mine = { id: email.id, attempts: email.attempts, status: "PENDING" as const };
    if (!transport) {
      await db.emailOutbox.updateMany({ where: mine, data: { status: "KEPT", lockedUntil: null } });
      report.kept++;
      continue;
    }
    try {
      if (unreachable) throw unreachable;
      const info = await transport.send({
        to: { name: email.toName, address: email.toAddress },
        subject: email.subject,
        text: email.textBody,
        html: email.htmlBody,
        messageId: `<${email.id}@restoredesk>`,
      });
      await db.emailOutbox.updateMany({ where: mine, data: { status: "SENT", sentAt: new Date(), messageId: info.messageId, lockedUntil: null, lastError: null } });
      report.sent++;
    } catch (error) {
      if (isConnectionError(error)) unreachable = error;
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const decision = afterFailedAttempt(email.attempts, now);
      await db.emailOutbox.updateMany({
        where: mine,
        data: decision.giveUp ? { status: "FAILED", lockedUntil: null, lastError } : { nextAttemptAt: decision.nextAttemptAt, lockedUntil: null, lastError },
      });
      if (decision.giveUp) report.failed++;
      else report.retrying++;
    }
  }
  const [next] = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT min(greatest("nextAttemptAt", coalesce("lockedUntil", '-infinity'))) AS at FROM email_outbox WHERE status = 'PENDING'`;
  report.nextTryAt = next.at;
  return report;
}
