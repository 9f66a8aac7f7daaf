import "server-only";
import { prisma } from "@/lib/db/prisma";

/** A customer's view of their account's tickets: always scoped to the account. */
export async function listAccountTickets(accountId: string) {
  return prisma.restoreTicket.findMany({
    where: { accountId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, number: true, method: true, restoreDate: true, status: true, createdAt: true, updatedAt: true },
  });
}
