import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor, SIGNED_IN_ROLES } from "@/lib/auth/session";
import { listLatestNotifications } from "@/lib/notifications/list-latest-notifications";
import type { Translate } from "@/lib/notifications/notification-text";
import { toNotificationItems } from "@/lib/notifications/notification-view";
import { NotificationFeed } from "@/app/notifications/_components/notification-feed";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("notifications");

const PAGE_SIZE = 100;

export default async function NotificationsPage() {
  const actor = await requireActor(SIGNED_IN_ROLES, "/notifications");
  const [t, locale, rows] = await Promise.all([getTranslations("notifications"), getLocale(), listLatestNotifications({ userId: actor.id, limit: PAGE_SIZE })]);
  const items = toNotificationItems(rows, { t: t as unknown as Translate, locale, role: actor.role });
  return (
    <div className="max-w-3xl">
      <PageHeader
        title={t("pageTitle")}
        description={t("pageIntro")}
        actions={
          <Link href="/settings/notifications" className="text-sm font-medium text-brand-700 hover:underline">
            {t("preferencesLink")}
          </Link>
        }
      />
      <Card>{items.length === 0 ? <EmptyState title={t("empty")} /> : <NotificationFeed items={items} now={new Date().toISOString()} />}</Card>
    </div>
  );
}
