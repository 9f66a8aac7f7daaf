import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyTicketEvent } from "@/lib/notifications/enqueue-notifications";
import { mayBeFirstResponse } from "@/lib/tickets/ticket-timers";

/**
 * The one way to append to a ticket's timeline: the event, the notifications
 * it causes and the first-response timer it may stop are written together, in
 * the caller's transaction.
 */
export async function recordTicketEvent(tx: DbOrTx, data: Prisma.TicketEventUncheckedCreateInput) {
  const event = await tx.ticketEvent.create({ data });
  if (mayBeFirstResponse(event)) await stopFirstResponseTimer(tx, event);
  await notifyTicketEvent(tx, event);
  return event;
}

/**
 * Support's first public reply or question stamps the ticket, once, while it
 * is open (an answer after it closed is no first response). Whether
 * the author is staff is the user's kind, read in the same statement, so no
 * caller has to pass it (and the rule matches the migration's backfill).
 */
async function stopFirstResponseTimer(tx: DbOrTx, event: { ticketId: string; actorId: string | null; createdAt: Date }) {
  await tx.$executeRaw`
    UPDATE restore_ticket SET "firstResponseAt" = ${event.createdAt}
    WHERE id = ${event.ticketId}::uuid AND "firstResponseAt" IS NULL AND "closedAt" IS NULL
      AND EXISTS (SELECT 1 FROM app_user WHERE id = ${event.actorId}::uuid AND kind = 'SUPPORT')`;
}
