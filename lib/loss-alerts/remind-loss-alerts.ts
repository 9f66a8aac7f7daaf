import "server-only";
import type { Db } from "@/lib/db/client";
import { enqueueNotifications, loadAudience } from "@/lib/notifications/enqueue-notifications";
import { lossAlertRecipients } from "@/lib/notifications/recipients";
import { lossFacts } from "@/lib/loss-alerts/loss-facts";

/** How long before the backup from before a loss expires the admin is reminded. */
export const LOSS_REMINDER_BEFORE_MS = 48 * 60 * 60_000;

/**
 * One reminder per alert that is neither dismissed nor followed by a request,
 * 48 hours before the backup from before the loss leaves the window. Safe to
 * run as often as wanted and from several servers: the alert is claimed by a
 * conditional update, and the notification's source key is the alert.
 */
export async function remindLossAlerts({ db, now = new Date() }: { db: Db; now?: Date }): Promise<number> {
  const due = await db.lossAlert.findMany({
    where: {
      dismissedAt: null,
      remindedAt: null,
      tickets: { none: {} },
      backupExpiresAt: { gt: now, lte: new Date(now.getTime() + LOSS_REMINDER_BEFORE_MS) },
    },
    include: { account: { select: { name: true, ownerId: true, timeZone: true } } },
  });
  let sent = 0;
  for (const alert of due) {
    sent += await db.$transaction(async (tx) => {
      const claimed = await tx.lossAlert.updateMany({ where: { id: alert.id, remindedAt: null }, data: { remindedAt: now } });
      if (!claimed.count) return 0;
      const { audience, users } = await loadAudience(tx, alert.accountId);
      return enqueueNotifications(tx, {
        sourceKey: `loss-reminder:${alert.id}`,
        recipients: lossAlertRecipients(alert.account.ownerId, audience, "LOSS_REMINDER"),
        users,
        data: { account: alert.account.name, loss: lossFacts(alert, alert.account.timeZone) },
        createdAt: now,
      });
    });
  }
  return sent;
}
