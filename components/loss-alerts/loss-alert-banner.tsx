import type { ReactNode } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { LossAlertItem } from "@/lib/loss-alerts/loss-alert-view";
import { ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/**
 * The account admin's warning on /recovery and the CRM import page: what the
 * daily backup noticed, how long the backup from before it is kept, and the
 * two answers — restore, or dismiss as intended. `openRequest`: a request is
 * already open (the form would refuse a second), so the banner says which.
 */
export function LossAlertBanner({
  alerts,
  openRequest,
  dismissButton,
  className,
}: {
  alerts: LossAlertItem[];
  openRequest: string | null;
  dismissButton: (id: string) => ReactNode;
  className?: string;
}) {
  const t = useTranslations("lossAlerts");
  if (!alerts.length) return null;
  return (
    <section aria-labelledby="loss-alerts-title" className={cn("rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950", className)} data-testid="loss-alert-banner">
      <h2 id="loss-alerts-title" className="font-semibold">
        {t("bannerTitle", { count: alerts.length })}
      </h2>
      <p className="mt-1 text-sm">{t("bannerIntro")}</p>
      {openRequest && (
        <p className="mt-1 text-sm font-medium">
          {t.rich("openRequest", {
            number: openRequest,
            // The number is one word: on a phone "RR-" and its digits went to two lines.
            ticket: (chunks) => (
              <Link href={`/recovery/${openRequest}`} className="whitespace-nowrap underline hover:no-underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
      <ul className="mt-3 space-y-3">
        {alerts.map((alert) => (
          <li key={alert.id} className="rounded-md border border-amber-200 bg-white p-3" data-testid="loss-alert">
            <p className="text-sm font-semibold text-slate-900">{alert.title}</p>
            <p className="mt-1 text-sm text-slate-700">{alert.body}</p>
            <div className="mt-3 flex flex-wrap items-center gap-2">
              {!openRequest && (
                <ButtonLink href={alert.reviewHref} size="sm">
                  {t("review")}
                </ButtonLink>
              )}
              {dismissButton(alert.id)}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
