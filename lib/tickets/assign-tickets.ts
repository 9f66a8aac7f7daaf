import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TicketActor } from "@/lib/tickets/ticket-actor";
import { OPEN_STATUSES } from "@/lib/tickets/status";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";

/**
 * Assigns open tickets to a support person, in one transaction: each changed
 * ticket gets its ASSIGNED event and a new version. Tickets already assigned
 * to that person, or closed, are left alone. Returns how many changed.
 */
export async function assignTickets({
  db,
  actor,
  ticketIds,
  assigneeId,
}: {
  db: Db;
  actor: TicketActor;
  ticketIds: string[];
  assigneeId: string;
}): Promise<{ assigned: number }> {
  if (actor.role !== "SUPPORT_AGENT" && actor.role !== "SUPPORT_LEAD") throw new AppError("FORBIDDEN", "NOT_ALLOWED_FOR_ROLE");
  return db.$transaction(async (tx) => {
    const assignee = await tx.user.findFirst({ where: { id: assigneeId, kind: "SUPPORT", disabledAt: null }, select: { id: true, name: true } });
    if (!assignee) throw new AppError("VALIDATION", "ASSIGNEE_NOT_STAFF");
    const tickets = await tx.restoreTicket.findMany({
      // (A bare NOT would also skip unassigned tickets: NULL <> x is not true in SQL.)
      where: { id: { in: ticketIds }, status: { in: [...OPEN_STATUSES] }, OR: [{ assigneeId: null }, { assigneeId: { not: assigneeId } }] },
      select: { id: true, accountId: true },
    });
    if (!tickets.length) return { assigned: 0 };
    await tx.restoreTicket.updateMany({
      where: { id: { in: tickets.map((t) => t.id) } },
      data: { assigneeId, version: { increment: 1 } },
    });
    for (const t of tickets) {
      await recordTicketEvent(tx, { ticketId: t.id, accountId: t.accountId, actorId: actor.id, kind: "ASSIGNED", body: assignee.name, internal: true, data: { assigneeId } });
    }
    return { assigned: tickets.length };
  });
}
