import "server-only";
import { prisma } from "@/lib/db/prisma";

/** Support's overview: counts per status and the newest tickets of every account. */
export async function listRecentTickets({ take = 50 }: { take?: number } = {}) {
  const [counts, tickets] = await Promise.all([
    prisma.restoreTicket.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.restoreTicket.findMany({
      orderBy: { createdAt: "desc" },
      take,
      select: {
        id: true,
        number: true,
        method: true,
        restoreDate: true,
        status: true,
        createdAt: true,
        account: { select: { name: true, plan: { select: { name: true } } } },
        assignee: { select: { name: true } },
      },
    }),
  ]);
  return { counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number>, tickets };
}
