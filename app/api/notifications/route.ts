import { NextResponse } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";
import { listLatestNotifications } from "@/lib/notifications/list-latest-notifications";
import { toNotificationItems } from "@/lib/notifications/notification-view";
import type { Translate } from "@/lib/notifications/notification-text";

const NO_STORE = { "Cache-Control": "no-store" };
/** What the bell shows. */
const BELL_SIZE = 8;

/** The signed-in person's unread count and latest notifications, for the bell's polling. */
export async function GET() {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ error: "Sign in first." }, { status: 401, headers: NO_STORE });
  const [unread, rows, t, locale] = await Promise.all([
    countUnreadNotifications(actor.id),
    listLatestNotifications({ userId: actor.id, limit: BELL_SIZE }),
    getTranslations("notifications"),
    getLocale(),
  ]);
  const items = toNotificationItems(rows, { t: t as unknown as Translate, locale, role: actor.role });
  return NextResponse.json({ unread, items }, { headers: NO_STORE });
}
