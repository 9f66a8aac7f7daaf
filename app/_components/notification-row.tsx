"use client";

import { useRouter } from "next/navigation";
import { useFormatter } from "next-intl";
import { markNotificationsReadAction } from "@/app/actions/notifications";
import { cn } from "@/components/ui/cn";
import { TicketStatusBadge } from "@/components/tickets/ticket-status-badge";
import type { NotificationItem } from "@/lib/notifications/notification-view";

/** Opening a notification marks it read and goes to the place it is about. */
export function useOpenNotification(afterOpen?: () => void) {
  const router = useRouter();
  return async (item: NotificationItem) => {
    if (!item.read) await markNotificationsReadAction({ ids: [item.id] });
    router.push(item.href);
    afterOpen?.();
  };
}

/** One notification: unread ones stand out with a dot and bold title. */
export function NotificationRow({ item, onOpen, now, compact = false }: { item: NotificationItem; onOpen: (item: NotificationItem) => void; now: Date; compact?: boolean }) {
  const format = useFormatter();
  return (
    <button
      type="button"
      onClick={() => onOpen(item)}
      data-testid="notification"
      data-read={item.read}
      className={cn("flex w-full gap-3 text-left hover:bg-slate-50", compact ? "px-4 py-3" : "px-5 py-4", !item.read && "bg-brand-50/60")}
    >
      <span aria-hidden className={cn("mt-1.5 size-2 shrink-0 rounded-full", item.read ? "bg-transparent" : "bg-brand-600")} />
      <span className="min-w-0">
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className={cn("text-sm text-slate-900", !item.read && "font-semibold")}>{item.title}</span>
          {item.ticketStatus && <TicketStatusBadge status={item.ticketStatus} />}
        </span>
        <span className={cn("mt-0.5 block text-slate-600", compact ? "line-clamp-2 text-xs" : "text-sm")}>{item.body}</span>
        <span className="mt-1 block text-xs text-slate-400" title={format.dateTime(new Date(item.createdAt), { dateStyle: "medium", timeStyle: "short" })}>
          {format.relativeTime(new Date(item.createdAt), now)}
        </span>
      </span>
    </button>
  );
}
