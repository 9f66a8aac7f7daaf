import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { retentionCutoff, retentionDaysFromEnv } from "@/lib/retention/retention";

/** Support's view of one ticket: everything, internal notes included. */
export async function getSupportTicket({ db, number, now = new Date() }: { db: DbOrTx; number: number; now?: Date }) {
  const cutoff = retentionCutoff(now, retentionDaysFromEnv(process.env.SNAPSHOT_RETENTION_DAYS));
  return db.restoreTicket.findUnique({
    where: { number },
    include: {
      requester: { select: { name: true, email: true } },
      assignee: { select: { id: true, name: true } },
      snapshot: { select: { id: true, takenAt: true, rowCounts: true, checksum: true } },
      account: {
        select: {
          id: true,
          name: true,
          portalAddress: true,
          databaseSizeBytes: true,
          timeZone: true,
          plan: { select: { name: true, restoreAvailable: true } },
          owner: { select: { name: true, email: true } },
          snapshots: {
            where: { OR: [{ takenAt: { gte: cutoff } }, { tickets: { some: { number } } }] },
            orderBy: { takenAt: "desc" },
            select: { id: true, kind: true, takenAt: true, rowCounts: true },
          },
        },
      },
      events: { orderBy: { createdAt: "asc" }, include: { actor: { select: { name: true, kind: true } }, attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, type: true, sizeBytes: true, removedAt: true } } } },
    },
  });
}

export type SupportTicket = NonNullable<Awaited<ReturnType<typeof getSupportTicket>>>;

/** Names of the people recorded on the ticket (approval asked by, approved by). */
export async function staffNames(db: DbOrTx, ids: (string | null)[]) {
  const users = await db.user.findMany({ where: { id: { in: ids.filter((id): id is string => !!id) } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
