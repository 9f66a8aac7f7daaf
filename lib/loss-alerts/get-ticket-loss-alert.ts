import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { toLossAlertItem, type LossAlertItem } from "@/lib/loss-alerts/loss-alert-view";

/** The alert a ticket was filed from, as its page shows it; null when there is none (or it was removed with its account's data). */
export async function getTicketLossAlert(db: DbOrTx, lossAlertId: string | null, locale: string): Promise<LossAlertItem | null> {
  if (!lossAlertId) return null;
  const alert = await db.lossAlert.findUnique({ where: { id: lossAlertId }, include: { account: { select: { timeZone: true } } } });
  return alert ? toLossAlertItem(alert, { locale, timeZone: alert.account.timeZone }) : null;
}
