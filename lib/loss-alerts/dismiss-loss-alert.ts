import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * "Dismiss — this was intended": records who and when. The tenant comes from
 * the alert: another account's alert is not found. Dismissing twice keeps
 * the first answer.
 */
export async function dismissLossAlert({ db, actor, id, now = new Date() }: { db: DbOrTx; actor: { id: string; accountId: string }; id: string; now?: Date }) {
  const alert = await db.lossAlert.findFirst({ where: { id, accountId: actor.accountId }, select: { id: true } });
  if (!alert) throw new AppError("NOT_FOUND", "LOSS_ALERT_NOT_FOUND");
  await db.lossAlert.updateMany({ where: { id, dismissedAt: null }, data: { dismissedAt: now, dismissedById: actor.id } });
  return { dismissed: true };
}
