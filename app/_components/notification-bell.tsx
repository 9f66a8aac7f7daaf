"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { markAllNotificationsReadAction } from "@/app/actions/notifications";
import { NotificationRow, useOpenNotification } from "@/app/_components/notification-row";
import type { NotificationItem } from "@/lib/notifications/notification-view";

/** How often the bell asks for news while the page is visible. */
const POLL_MS = 5_000;

type Feed = { unread: number; items: NotificationItem[] };

/**
 * The header's bell: unread count, the latest notifications, mark read.
 * Polls while the tab is visible (and at once when it becomes visible), so
 * news arrives without a reload.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const [feed, setFeed] = useState<Feed>({ unread: initialUnread, items: [] });
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  const refresh = useCallback(async () => {
    try {
      const response = await fetch("/api/notifications", { cache: "no-store" });
      if (response.ok) setFeed((await response.json()) as Feed);
    } catch {
      // Offline for a moment: the next poll tries again.
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, POLL_MS);
    const onVisible = () => document.visibilityState === "visible" && void refresh();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [refresh]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const openItem = useOpenNotification(() => void refresh());

  async function markAll() {
    await markAllNotificationsReadAction({});
    await refresh();
    router.refresh();
  }

  const now = new Date();
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        onClick={() => {
          setOpen((value) => !value);
          void refresh();
        }}
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={`${t("bell")}: ${t("unread", { count: feed.unread })}`}
        data-testid="notification-bell"
        className="relative grid size-9 place-items-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" />
          <path d="M10.3 20a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {feed.unread > 0 && (
          <span data-testid="notification-unread" className="absolute -right-0.5 -top-0.5 grid h-4.5 min-w-4.5 place-items-center rounded-full bg-red-600 px-1 text-[11px] font-semibold leading-none text-white">
            {feed.unread > 99 ? "99+" : feed.unread}
          </span>
        )}
      </button>
      {open && (
        <div
          role="region"
          aria-label={t("bell")}
          // Phones: the width of the screen under the header; larger screens: a panel under the bell.
          className="fixed inset-x-3 top-14 z-50 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-lg sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-2 sm:w-96"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-2.5">
            <p className="text-sm font-semibold text-slate-900">{t("bell")}</p>
            {feed.unread > 0 && (
              <button type="button" onClick={markAll} className="text-xs font-medium text-brand-700 hover:underline">
                {t("markAllRead")}
              </button>
            )}
          </div>
          {feed.items.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-500">{t("empty")}</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {feed.items.map((item) => (
                <li key={item.id}>
                  <NotificationRow
                    item={item}
                    now={now}
                    compact
                    onOpen={(chosen) => {
                      setOpen(false);
                      void openItem(chosen);
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
          <div className="border-t border-slate-100 px-4 py-2.5 text-sm">
            <Link href="/notifications" onClick={() => setOpen(false)} className="font-medium text-brand-700 hover:underline">
              {t("seeAll")}
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
