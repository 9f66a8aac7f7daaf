import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";
import { DEFAULT_LOSS_THRESHOLDS, readThresholds, type LossThresholds } from "@/lib/loss-alerts/loss-rules";

export type ThresholdRow = { scope: string; kind: "plan" | "account"; name: string; thresholds: LossThresholds; updatedAt: string };

/** Support's settings page: the defaults, every override, and the plans and accounts one can be set for. */
export async function getLossDetectionSettings({ db = prisma }: { db?: Db }) {
  const [plans, accounts, settings] = await Promise.all([
    db.plan.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true } }),
    db.account.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.lossThresholdSetting.findMany({ select: { planId: true, accountId: true, thresholds: true, updatedAt: true } }),
  ]);
  const planName = new Map(plans.map((p) => [p.id, p.name]));
  const accountName = new Map(accounts.map((a) => [a.id, a.name]));
  const overrides: ThresholdRow[] = settings
    .map((s): ThresholdRow =>
      s.planId
        ? { scope: `plan:${s.planId}`, kind: "plan", name: planName.get(s.planId) ?? "—", thresholds: readThresholds(s.thresholds), updatedAt: s.updatedAt.toISOString() }
        : { scope: `account:${s.accountId}`, kind: "account", name: accountName.get(s.accountId!) ?? "—", thresholds: readThresholds(s.thresholds), updatedAt: s.updatedAt.toISOString() },
    )
    .sort((a, b) => a.kind.localeCompare(b.kind) * -1 || a.name.localeCompare(b.name));
  return {
    defaults: DEFAULT_LOSS_THRESHOLDS,
    overrides,
    scopes: [...plans.map((p) => ({ scope: `plan:${p.id}`, kind: "plan" as const, name: p.name })), ...accounts.map((a) => ({ scope: `account:${a.id}`, kind: "account" as const, name: a.name }))],
  };
}
