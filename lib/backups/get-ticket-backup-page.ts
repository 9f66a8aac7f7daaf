import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { prisma } from "@/lib/db/prisma";

/**
 * The backup a ticket restores from, for support's backup browser: the
 * ticket's account is the tenant. Null when the ticket or its backup is gone.
 */
export async function getTicketBackupPage({ db = prisma, number }: { db?: DbOrTx; number: number }) {
  const ticket = await db.restoreTicket.findUnique({
    where: { number },
    select: { number: true, accountId: true, account: { select: { name: true, timeZone: true } }, snapshot: { select: { id: true, seq: true, takenAt: true } } },
  });
  if (!ticket?.snapshot) return null;
  return { ticketNumber: ticket.number, accountId: ticket.accountId, account: ticket.account, backup: ticket.snapshot };
}
