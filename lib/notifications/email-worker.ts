import "server-only";
import { prisma } from "@/lib/db/prisma";
import { notifyExpiringBackups } from "@/lib/notifications/backup-expiry";
import { remindLossAlerts } from "@/lib/loss-alerts/remind-loss-alerts";
import { deliverDueEmails } from "@/lib/notifications/email-delivery";
import { mailTransportFromEnv } from "@/lib/notifications/mail-transport";

const EXPIRY_CHECK_EVERY_MS = 10 * 60_000;
const BATCH = 20;

/**
 * Started once by the running server: sends due emails every couple of
 * seconds (EMAIL_POLL_MS), and every ten minutes warns about held backups
 * that are about to expire. Everything it needs is in the database, so a
 * restart picks up where the last server stopped.
 */
export function startEmailWorker(): void {
  const transport = mailTransportFromEnv();
  const pollMs = Number(process.env.EMAIL_POLL_MS) || 2_000;
  console.log(transport ? `[email] sending through SMTP ${transport.host}` : "[email] no SMTP_URL: emails are kept on the outbox page");
  let busy = false;
  const deliver = async () => {
    if (busy) return;
    busy = true;
    try {
      // Drain: a full batch means more may be waiting.
      while ((await deliverDueEmails({ db: prisma, transport, batchSize: BATCH })).claimed === BATCH);
    } catch (error) {
      console.error("[email] delivery round failed; will retry", error);
    } finally {
      busy = false;
    }
  };
  const checkExpiries = async () => {
    try {
      await notifyExpiringBackups({ db: prisma });
      await remindLossAlerts({ db: prisma });
    } catch (error) {
      console.error("[email] backup expiry check failed; will retry", error);
    }
  };
  setInterval(deliver, pollMs).unref();
  setInterval(checkExpiries, EXPIRY_CHECK_EVERY_MS).unref();
  void checkExpiries().then(deliver);
}
