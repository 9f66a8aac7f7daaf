import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { toLossAlertItem, type LossAlertItem } from "@/lib/loss-alerts/loss-alert-view";

export type SupportLossAlertItem = LossAlertItem & {
  accountName: string;
  /** Whole hours until the backup from before the loss expires: the urgency the list is sorted by. */
  hoursLeft: number;
  /** The request filed from the alert, if any. */
  ticketNumber: number | null;
  reminded: boolean;
  /** Dismissed by the account ("this was intended"): who and when. */
  dismissed: { by: string; at: string } | null;
};

/**
 * Support's "Loss alerts": every open alert (not dismissed, backup still
 * kept), the soonest-expiring backup first; and those the account dismissed
 * while their backup is still kept, newest first — support can still call.
 */
export async function getSupportLossAlertsView({ db = prisma, locale, now = new Date() }: { db?: DbOrTx; locale: string; now?: Date }) {
  const alerts = await db.lossAlert.findMany({
    where: { backupExpiresAt: { gt: now } },
    orderBy: [{ backupExpiresAt: "asc" }, { count: "desc" }],
    include: {
      account: { select: { name: true, timeZone: true } },
      tickets: { select: { number: true }, orderBy: { createdAt: "desc" }, take: 1 },
      dismissedBy: { select: { name: true } },
    },
    take: 400,
  });
  const items = alerts.map(
    (alert): SupportLossAlertItem => ({
      ...toLossAlertItem(alert, { locale, timeZone: alert.account.timeZone }),
      accountName: alert.account.name,
      hoursLeft: Math.max(0, Math.floor((alert.backupExpiresAt.getTime() - now.getTime()) / 3_600_000)),
      ticketNumber: alert.tickets[0]?.number ?? null,
      reminded: alert.remindedAt !== null,
      dismissed: alert.dismissedAt ? { by: alert.dismissedBy?.name ?? "—", at: alert.dismissedAt.toISOString() } : null,
    }),
  );
  return {
    open: items.filter((item) => !item.dismissed),
    dismissed: items.filter((item) => item.dismissed).sort((a, b) => b.dismissed!.at.localeCompare(a.dismissed!.at)),
  };
}
