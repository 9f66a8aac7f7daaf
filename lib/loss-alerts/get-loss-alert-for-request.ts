import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { isUuid } from "@/lib/format/uuid";
import { toLossAlertItem, type LossAlertItem } from "@/lib/loss-alerts/loss-alert-view";
import { SELECTIVE_TYPES, type Selection, type SelectiveType } from "@/lib/selective-restore/selection";

export type LossAlertPrefill = LossAlertItem & { method: "SELECTIVE" | "FULL"; selection: Selection | null };

/**
 * "Review and restore": the alert the request form is filled in from — the
 * backup before the loss, and the restore that brings exactly that type
 * back: a selective restore of the type (deleted records come back with
 * their activities, comments and history; after a mass edit, the changed
 * ones are reverted too), leaving everyone's later work alone. Activities,
 * comments and history are no type of their own: a full restore. Another
 * account's alert, or an unknown id, fills in nothing.
 */
export async function getLossAlertForRequest({
  db = prisma,
  accountId,
  id,
  locale,
}: {
  db?: DbOrTx;
  accountId: string;
  id: string | undefined;
  locale: string;
}): Promise<LossAlertPrefill | null> {
  if (!isUuid(id)) return null;
  const alert = await db.lossAlert.findFirst({ where: { id, accountId }, include: { account: { select: { timeZone: true } } } });
  if (!alert) return null;
  const item = toLossAlertItem(alert, { locale, timeZone: alert.account.timeZone });
  if (!(SELECTIVE_TYPES as readonly string[]).includes(alert.tableKey)) return { ...item, method: "FULL", selection: null };
  const mode = alert.kind === "MASS_EDIT" ? "MISSING_AND_CHANGED" : "MISSING";
  return { ...item, method: "SELECTIVE", selection: { scope: "TYPES", types: [alert.tableKey as SelectiveType], withRelated: true, mode } };
}
