import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { ACCOUNT_TABLES } from "@/lib/account-data/tables";
import { toLossAlertItem, type LossAlertItem } from "@/lib/loss-alerts/loss-alert-view";

export type LossAlertPrefill = LossAlertItem & { method: "CSV" | "FULL" };

/**
 * "Review and restore": the alert the request form is filled in from — the
 * backup before the loss, and the method that brings the type back: a CSV
 * file for contacts, companies, deals and leads (when the account may have
 * one), a full restore for everything a CSV does not carry. Another
 * account's alert, or an unknown id, fills in nothing.
 */
export async function getLossAlertForRequest({
  db = prisma,
  accountId,
  id,
  locale,
  csvAvailable,
}: {
  db?: DbOrTx;
  accountId: string;
  id: string | undefined;
  locale: string;
  csvAvailable: boolean;
}): Promise<LossAlertPrefill | null> {
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const alert = await db.lossAlert.findFirst({ where: { id, accountId }, include: { account: { select: { timeZone: true } } } });
  if (!alert) return null;
  const crmItem = ACCOUNT_TABLES.find((t) => t.key === alert.tableKey)?.crmItem ?? false;
  return { ...toLossAlertItem(alert, { locale, timeZone: alert.account.timeZone }), method: crmItem && csvAvailable ? "CSV" : "FULL" };
}
