import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/session";
import { isSupportRole } from "@/lib/auth/roles";
import { Badge } from "@/components/ui/badge";
import { LocaleSwitch } from "@/app/_components/locale-switch";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { NotificationBell } from "@/app/_components/notification-bell";
import { NavMoreMenu } from "@/app/_components/nav-more-menu";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";

export async function AppHeader({ actor }: { actor: Actor | null }) {
  const t = await getTranslations();
  const help = { href: "/help", label: t("nav.help") };
  // Support's everyday pages stay in the bar; the rest go under "More" on a laptop (all of them wrap on a phone).
  const more = actor && isSupportRole(actor.role)
    ? [
        { href: "/support/reports", label: t("nav.reports") },
        { href: "/support/canned-replies", label: t("nav.cannedReplies") },
        { href: "/support/feedback", label: t("nav.feedback") },
        { href: "/support/outbox", label: t("nav.outbox") },
        { href: "/support/jobs", label: t("nav.jobs") },
      ]
    : [];
  const primary = !actor
    ? [help]
    : isSupportRole(actor.role)
      ? [{ href: "/support/tickets", label: t("nav.tickets") }, { href: "/support/loss-alerts", label: t("nav.lossAlerts") }, help]
      : [
          { href: "/recovery", label: t("nav.recovery") },
          ...(actor.role === "ACCOUNT_ADMIN" ? [{ href: "/crm/import", label: t("nav.import") }] : []),
          help,
        ];
  const links = [...primary, ...more];
  const unread = actor ? await countUnreadNotifications(actor.id) : 0;
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:gap-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-brand-600 text-sm text-white">
            ↺
          </span>
          <span className="hidden whitespace-nowrap min-[420px]:inline">Restore Desk</span>
        </Link>
        <nav aria-label={t("nav.main")} className="hidden items-center gap-0.5 lg:flex">
          {primary.map((link) => (
            <Link key={link.href} href={link.href} className="whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
              {link.label}
            </Link>
          ))}
          {more.length > 0 && <NavMoreMenu label={t("nav.more")} links={more} />}
        </nav>
        <div className="ml-auto flex items-center gap-2 sm:gap-3">
          <LocaleSwitch />
          {!actor && (
            <Link href="/login" className="rounded-md px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50">
              {t("nav.signIn")}
            </Link>
          )}
          {actor && (
            <>
              <div className="hidden text-right leading-tight xl:block">
                <p className="text-sm font-medium text-slate-900" data-testid="signed-in-name">
                  {actor.name}
                </p>
                <p className="text-xs text-slate-500">{actor.email}</p>
              </div>
              <NotificationBell initialUnread={unread} />
              <span className="hidden sm:block">
                <Badge tone={isSupportRole(actor.role) ? "brand" : "neutral"}>{t(`roles.${actor.role}`)}</Badge>
              </span>
              <SignOutButton />
            </>
          )}
        </div>
      </div>
      {links.length > 0 && (
        <nav aria-label={t("nav.mobile")} className="flex flex-wrap gap-x-1 border-t border-slate-100 px-2 py-1 lg:hidden">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className="whitespace-nowrap rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
              {link.label}
            </Link>
          ))}
        </nav>
      )}
    </header>
  );
}
