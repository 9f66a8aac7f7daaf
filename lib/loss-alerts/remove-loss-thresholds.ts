import "server-only";
import type { Db } from "@/lib/db/client";
import { resolveThresholdScope } from "@/lib/loss-alerts/resolve-threshold-scope";

/** Back to the plan's thresholds (for an account) or the defaults (for a plan). */
export async function removeLossThresholds({ db, scope }: { db: Db; scope: string }) {
  const where = await resolveThresholdScope(db, scope);
  await db.lossThresholdSetting.deleteMany({ where });
  return { removed: true };
}
