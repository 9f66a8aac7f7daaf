import "server-only";
import type { DbOrTx } from "@/lib/db/client";

/** The requester's view of one ticket: only public timeline events, never internal notes. */
export async function getCustomerTicket({ db, accountId, number }: { db: DbOrTx; accountId: string; number: number }) {
  return db.restoreTicket.findFirst({
    where: { number, accountId },
    select: {
      id: true,
      number: true,
      method: true,
      restoreDate: true,
      status: true,
      description: true,
      rejectionReason: true,
      lossAlertId: true,
      selection: true,
      requestPreview: true,
      snapshotId: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      snapshot: { select: { takenAt: true, rowCounts: true } },
      requester: { select: { name: true } },
      account: { select: { name: true, timeZone: true } },
      events: {
        where: { internal: false },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          kind: true,
          fromStatus: true,
          toStatus: true,
          body: true,
          data: true,
          createdAt: true,
          actor: { select: { name: true, kind: true } },
          attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, type: true, sizeBytes: true, removedAt: true } },
        },
      },
    },
  });
}

export type CustomerTicket = NonNullable<Awaited<ReturnType<typeof getCustomerTicket>>>;
