"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { markAllNotificationsReadAction } from "@/app/actions/notifications";
import { NotificationRow, useOpenNotification } from "@/app/_components/notification-row";
import { Button } from "@/components/ui/button";
import type { NotificationItem } from "@/lib/notifications/notification-view";

/**
 * The notifications page's list, with "mark all as read". `now` is the
 * server's moment of rendering: the relative times ("2 minutes ago") must read
 * the same in the server's HTML and the browser's first render, or React
 * refuses the page's hydration when a minute passes in between.
 */
export function NotificationFeed({ items, now: renderedAt }: { items: NotificationItem[]; now: string }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const openItem = useOpenNotification();
  const now = new Date(renderedAt);
  return (
    <>
      {items.some((item) => !item.read) && (
        <div className="flex justify-end border-b border-slate-100 px-5 py-2.5">
          <Button
            variant="secondary"
            size="sm"
            onClick={async () => {
              await markAllNotificationsReadAction({});
              router.refresh();
            }}
          >
            {t("markAllRead")}
          </Button>
        </div>
      )}
      <ul className="divide-y divide-slate-100">
        {items.map((item) => (
          <li key={item.id}>
            <NotificationRow item={item} now={now} onOpen={openItem} />
          </li>
        ))}
      </ul>
    </>
  );
}
