import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { BlockingReason } from "@/lib/tickets/eligibility";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";

/** Plain-language reasons why no request can be filed now, each with its way forward. */
export async function EligibilityBlockers({ blockers, adminEmail }: { blockers: BlockingReason[]; adminEmail: string | null }) {
  const t = await getTranslations("requestForm.blockers");
  return (
    <div className="space-y-4" data-testid="eligibility-blockers">
      {blockers.map((blocker) => {
        switch (blocker.code) {
          case "PLAN_WITHOUT_RESTORE":
            return (
              <Alert key={blocker.code} tone="warning" title={t("planTitle", { plan: blocker.planName })}>
                <p>{t("planBody")}</p>
                <p>
                  <Link href="/plans" className="font-medium underline">
                    {t("planLink")}
                  </Link>
                </p>
              </Alert>
            );
          case "NOT_ACCOUNT_ADMIN":
            return (
              <Alert key={blocker.code} tone="info" title={t("notAdminTitle")}>
                <p>{t("notAdminBody", { admin: blocker.adminName ?? "—" })}</p>
                {adminEmail && <p>{t("notAdminContact", { email: adminEmail })}</p>}
              </Alert>
            );
          case "REQUEST_ALREADY_OPEN":
            return (
              <Alert key={blocker.code} tone="info" title={t("openTitle")}>
                <p>{t("openBody")}</p>
                <ButtonLink href={`/recovery/${formatTicketNumber(blocker.ticketNumber)}`} variant="secondary" size="sm">
                  {t("openLink", { number: formatTicketNumber(blocker.ticketNumber) })}
                </ButtonLink>
              </Alert>
            );
          case "NO_SNAPSHOT_IN_RETENTION":
            return (
              <Alert key={blocker.code} tone="warning" title={t("noSnapshotTitle")}>
                <p>{t("noSnapshotBody")}</p>
              </Alert>
            );
        }
      })}
    </div>
  );
}
