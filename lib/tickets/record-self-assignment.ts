import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";

/** The timeline's "assigned to <name>" when someone takes a ticket themselves (Assign to me, or starting its review). */
export async function recordSelfAssignment(tx: DbOrTx, { ticketId, accountId, actorId }: { ticketId: string; accountId: string; actorId: string }) {
  const me = await tx.user.findUniqueOrThrow({ where: { id: actorId }, select: { name: true } });
  await recordTicketEvent(tx, { ticketId, accountId, actorId, kind: "ASSIGNED", body: me.name, internal: true, data: { assigneeId: actorId } });
}
