import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyTicketEvent } from "@/lib/notifications/enqueue-notifications";

/**
 * The one way to append to a ticket's timeline: the event and the
 * notifications it causes are written together, in the caller's transaction.
 */
export async function recordTicketEvent(tx: DbOrTx, data: Prisma.TicketEventUncheckedCreateInput) {
  const event = await tx.ticketEvent.create({ data });
  await notifyTicketEvent(tx, event);
  return event;
}
