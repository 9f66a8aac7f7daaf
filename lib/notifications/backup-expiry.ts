import "server-only";
import type { Db } from "@/lib/db/client";
import { enqueueNotifications, loadAudience } from "@/lib/notifications/enqueue-notifications";
import { backupExpiryRecipients } from "@/lib/notifications/recipients";

/** How early the assignee hears that an open ticket's backup is about to leave the window. */
export const EXPIRY_WARNING_MS = 24 * 60 * 60_000;

/**
 * Warns about open tickets whose held backup expires within a day. Safe to
 * run as often as wanted: the source key (ticket + expiry time) makes one
 * warning per ticket and expiry, even across restarts and servers.
 */
export async function notifyExpiringBackups({ db, now = new Date() }: { db: Db; now?: Date }): Promise<number> {
  const tickets = await db.restoreTicket.findMany({
    where: { closedAt: null, backupExpiresAt: { gt: now, lte: new Date(now.getTime() + EXPIRY_WARNING_MS) } },
    select: { id: true, number: true, method: true, restoreDate: true, requesterId: true, assigneeId: true, accountId: true, backupExpiresAt: true, account: { select: { name: true } } },
  });
  let created = 0;
  for (const ticket of tickets) {
    created += await db.$transaction(async (tx) => {
      const { audience, users } = await loadAudience(tx, ticket.accountId);
      return enqueueNotifications(tx, {
        sourceKey: `backup-expiring:${ticket.id}:${ticket.backupExpiresAt!.toISOString()}`,
        recipients: backupExpiryRecipients(ticket, audience),
        users,
        data: {
          ticket: ticket.number,
          method: ticket.method,
          account: ticket.account.name,
          date: ticket.restoreDate.toISOString().slice(0, 10),
          expires: ticket.backupExpiresAt!.toISOString(),
        },
        createdAt: now,
      });
    });
  }
  return created;
}
