import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { Role } from "@/lib/auth/roles";
import { decideEligibility } from "@/lib/tickets/eligibility";
import { OPEN_STATUSES } from "@/lib/tickets/status";
import { restorableSnapshots, retentionDaysFromEnv } from "@/lib/retention/retention";
import { prisma } from "@/lib/db/prisma";

/** Everything the eligibility rules need about the actor's account, read fresh. */
export async function loadEligibility({ db = prisma, accountId, role, now = new Date() }: { db?: DbOrTx; accountId: string; role: Role; now?: Date }) {
  const retentionDays = retentionDaysFromEnv(process.env.SNAPSHOT_RETENTION_DAYS);
  const account = await db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: {
      id: true,
      name: true,
      timeZone: true,
      databaseSizeBytes: true,
      plan: { select: { name: true, restoreAvailable: true } },
      owner: { select: { name: true, email: true } },
      tickets: { where: { status: { in: [...OPEN_STATUSES] } }, select: { number: true }, take: 1 },
      snapshots: {
        where: restorableSnapshots(now, retentionDays),
        select: { id: true, takenAt: true, rowCounts: true },
        orderBy: { takenAt: "desc" },
      },
    },
  });
  const eligibility = decideEligibility({
    role,
    planRestoreAvailable: account.plan.restoreAvailable,
    planName: account.plan.name,
    adminName: account.owner?.name ?? null,
    openTicketNumber: account.tickets[0]?.number ?? null,
    databaseSizeBytes: account.databaseSizeBytes,
    snapshots: account.snapshots.map((s) => ({ ...s, rowCounts: s.rowCounts as Record<string, number> })),
    timeZone: account.timeZone,
    now,
    retentionDays,
  });
  return { account, eligibility };
}
