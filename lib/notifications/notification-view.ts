import "server-only";
import { isSupportRole, type Role } from "@/lib/auth/roles";
import type { NotificationKind, TicketStatus } from "@/lib/generated/prisma/enums";
import { notificationPath } from "@/lib/notifications/email-template";
import { describeNotification, type NotificationData, type Translate } from "@/lib/notifications/notification-text";

export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  href: string;
  createdAt: string;
  read: boolean;
  /** The ticket's status now, when the notification is about a ticket. */
  ticketStatus: TicketStatus | null;
};

type Row = { id: string; kind: NotificationKind; data: unknown; readAt: Date | null; createdAt: Date; ticketStatus?: TicketStatus | null };

/** Notifications as their reader sees them: texts in the reader's language, links to the reader's side of the app. */
export function toNotificationItems(rows: Row[], { t, locale, role }: { t: Translate; locale: string; role: Role }): NotificationItem[] {
  const audience = isSupportRole(role) ? "staff" : "customer";
  return rows.map((row) => {
    const data = row.data as NotificationData;
    const text = describeNotification(t, locale, row.kind, data);
    return {
      id: row.id,
      kind: row.kind,
      title: text.title,
      body: [text.body, ...text.extras].join(" "),
      href: notificationPath(audience, row.kind, data.ticket),
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
      ticketStatus: row.ticketStatus ?? null,
    };
  });
}
