import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { effectiveThresholds, type LossThresholds } from "@/lib/loss-alerts/loss-rules";

/** The thresholds that apply to one account: its own override, else its plan's, else the defaults. */
export async function loadLossThresholds(db: DbOrTx, accountId: string): Promise<LossThresholds> {
  const account = await db.account.findUniqueOrThrow({ where: { id: accountId }, select: { planId: true } });
  const settings = await db.lossThresholdSetting.findMany({
    where: { OR: [{ accountId }, { planId: account.planId }] },
    select: { accountId: true, thresholds: true },
  });
  const own = settings.find((s) => s.accountId === accountId);
  const plan = settings.find((s) => s.accountId === null);
  return effectiveThresholds(plan?.thresholds ?? null, own?.thresholds ?? null);
}
