import "server-only";
import type { Db } from "@/lib/db/client";
import { resolveThresholdScope } from "@/lib/loss-alerts/resolve-threshold-scope";
import type { LossThresholds } from "@/lib/loss-alerts/loss-rules";

/** Support's override of the loss-detection thresholds for one plan or one account. */
export async function saveLossThresholds({ db, actor, scope, thresholds }: { db: Db; actor: { id: string }; scope: string; thresholds: LossThresholds }) {
  const where = await resolveThresholdScope(db, scope);
  await db.lossThresholdSetting.upsert({
    where,
    create: { ...where, thresholds, updatedById: actor.id },
    update: { thresholds, updatedById: actor.id },
  });
  return { saved: true };
}
