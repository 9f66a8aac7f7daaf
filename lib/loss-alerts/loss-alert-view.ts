import "server-only";
import { describeNotification } from "@/lib/notifications/notification-text";
import { notificationTranslator } from "@/lib/notifications/translator";
import { reviewLossPath } from "@/lib/notifications/email-template";
import { lossFacts, type AlertRow } from "@/lib/loss-alerts/loss-facts";
import { dateInTimeZone } from "@/lib/tickets/eligibility";

export type LossAlertRow = AlertRow;

export type LossAlertItem = {
  id: string;
  /** "312 contacts deleted" — in the reader's language. */
  title: string;
  /** The whole sentence the admin's email has: counts, the two backups, how long the earlier one is kept. */
  body: string;
  tableKey: string;
  kind: "DELETED" | "MASS_EDIT";
  count: number;
  percent: number;
  backupExpiresAt: string;
  /** The request date that restores from the backup before the loss (YYYY-MM-DD in the account's time zone). */
  restoreDate: string;
  reviewHref: string;
};

/** A loss alert as people read it: the same words as its notification, in `locale`. */
export function toLossAlertItem(alert: LossAlertRow, { locale, timeZone }: { locale: string; timeZone: string }): LossAlertItem {
  const { t, locale: chosen } = notificationTranslator(locale);
  const facts = lossFacts(alert, timeZone);
  const text = describeNotification(t, chosen, "LOSS_DETECTED", { loss: facts });
  return {
    id: alert.id,
    title: text.title,
    body: text.body,
    tableKey: alert.tableKey,
    kind: alert.kind,
    count: alert.count,
    percent: facts.percent,
    backupExpiresAt: alert.backupExpiresAt.toISOString(),
    restoreDate: dateInTimeZone(alert.beforeTakenAt, timeZone),
    reviewHref: reviewLossPath(alert.id),
  };
}
