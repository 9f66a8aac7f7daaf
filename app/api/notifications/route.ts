import { NextResponse } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { prisma } from "@/lib/db/prisma";
import { countUnread, listNotifications } from "@/lib/notifications/notification-queries";
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
    countUnread(prisma, actor.id),
    listNotifications(prisma, actor.id, BELL_SIZE),
    getTranslations("notifications"),
    getLocale(),
  ]);
  const items = toNotificationItems(rows, { t: t as unknown as Translate, locale, role: actor.role });
  return NextResponse.json({ unread, items }, { headers: NO_STORE });
}
