"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { markAllNotificationsReadAction } from "@/app/actions/notifications";
import { NotificationRow, useOpenNotification } from "@/app/_components/notification-row";
import { Button } from "@/components/ui/button";
import type { NotificationItem } from "@/lib/notifications/notification-view";

/** The notifications page's list, with "mark all as read". */
export function NotificationFeed({ items }: { items: NotificationItem[] }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const openItem = useOpenNotification();
  const now = new Date();
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
