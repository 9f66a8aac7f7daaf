import "server-only";
import { prisma } from "@/lib/db/prisma";
import { findStaffOnTickets } from "@/lib/presence/find-staff-on-tickets";
import { listSupportTickets } from "@/lib/tickets/list-support-tickets";
import type { TicketQueueParams } from "@/lib/tickets/ticket-queue-params";

/** The queue page: one page of tickets as the URL asks, and the staff tickets can be assigned to. */
export async function getTicketQueueView({ params, actorId }: { params: TicketQueueParams; actorId: string }) {
  const [data, staff] = await Promise.all([
    listSupportTickets({ db: prisma, params, actorId }),
    prisma.user.findMany({ where: { kind: "SUPPORT", disabledAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const staffOn = await findStaffOnTickets({ db: prisma, ticketIds: data.rows.map((row) => row.id), viewerId: actorId });
  return { data, staff, staffOn };
}
