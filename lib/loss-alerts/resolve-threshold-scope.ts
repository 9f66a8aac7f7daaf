import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

export type ThresholdScope = { planId: string } | { accountId: string };

/** "plan:<id>" / "account:<id>" → the plan or account, which must exist (a crafted id is not found, nothing saved). */
export async function resolveThresholdScope(db: Db, scope: string): Promise<ThresholdScope> {
  const [kind, id] = scope.split(":");
  const found =
    kind === "plan"
      ? await db.plan.findUnique({ where: { id }, select: { id: true } })
      : await db.account.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", "LOSS_SCOPE_NOT_FOUND");
  return kind === "plan" ? { planId: id } : { accountId: id };
}
