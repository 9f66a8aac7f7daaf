import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { toLossAlertItem, type LossAlertItem } from "@/lib/loss-alerts/loss-alert-view";

/**
 * The account admin's banner: alerts neither dismissed nor followed by a
 * request, whose backup from before the loss still exists — newest first.
 */
export async function listAccountLossAlerts({ db, accountId, locale, now = new Date() }: { db: DbOrTx; accountId: string; locale: string; now?: Date }): Promise<LossAlertItem[]> {
  const alerts = await db.lossAlert.findMany({
    where: { accountId, dismissedAt: null, tickets: { none: {} }, backupExpiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { tableKey: "asc" }],
    include: { account: { select: { timeZone: true } } },
    take: 20,
  });
  return alerts.map((alert) => toLossAlertItem(alert, { locale, timeZone: alert.account.timeZone }));
}
