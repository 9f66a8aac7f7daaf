import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";

/**
 * A person's latest notifications, newest first, each with its ticket's
 * status now: "new request" from yesterday may be finished today.
 */
export async function listLatestNotifications({ userId, limit, db = prisma }: { userId: string; limit: number; db?: Db }) {
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, ticketNumber: true, data: true, readAt: true, createdAt: true },
  });
  const numbers = [...new Set(rows.map((row) => row.ticketNumber).filter((n): n is number => n !== null))];
  const tickets = numbers.length ? await db.restoreTicket.findMany({ where: { number: { in: numbers } }, select: { number: true, status: true } }) : [];
  const statusOf = new Map(tickets.map((ticket) => [ticket.number, ticket.status]));
  return rows.map((row) => ({ ...row, ticketStatus: row.ticketNumber === null ? null : (statusOf.get(row.ticketNumber) ?? null) }));
}
