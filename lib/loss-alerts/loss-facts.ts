import type { AccountTableKey } from "@/lib/account-data/tables";
import { lossPercent } from "@/lib/loss-alerts/loss-rules";
import type { LossFacts } from "@/lib/notifications/notification-text";

export type AlertRow = {
  id: string;
  tableKey: string;
  kind: "DELETED" | "MASS_EDIT";
  count: number;
  total: number;
  beforeTakenAt: Date;
  afterTakenAt: Date;
  backupExpiresAt: Date;
  field: string | null;
  value: string | null;
};

/** The facts a loss notification carries: counts and times, never the records. */
export function lossFacts(alert: AlertRow, timeZone: string): LossFacts {
  return {
    alertId: alert.id,
    type: alert.tableKey as AccountTableKey,
    kind: alert.kind,
    count: alert.count,
    percent: lossPercent(alert.count, alert.total),
    from: alert.beforeTakenAt.toISOString(),
    to: alert.afterTakenAt.toISOString(),
    expires: alert.backupExpiresAt.toISOString(),
    timeZone,
    ...(alert.field !== null ? { field: alert.field, value: alert.value ?? "" } : {}),
  };
}
