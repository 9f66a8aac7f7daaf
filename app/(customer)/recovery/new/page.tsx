import { randomUUID } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import { CUSTOMER_ROLES, requireActor } from "@/lib/auth/session";
import { loadEligibility } from "@/lib/tickets/load-eligibility";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { EligibilityBlockers } from "@/components/recovery/eligibility-blockers";
import { RequestForm } from "@/app/(customer)/recovery/new/_components/request-form";
import { pageTitle } from "@/lib/i18n/page-title";
import { getPickedRecords } from "@/lib/backups/get-picked-records";
import { getLossAlertForRequest } from "@/lib/loss-alerts/get-loss-alert-for-request";

export const generateMetadata = pageTitle("newRequest");

export default async function NewRequestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(CUSTOMER_ROLES, "/recovery/new");
  const t = await getTranslations("requestForm");
  const { account, eligibility } = await loadEligibility({ accountId: actor.accountId!, role: actor.role });
  const { lossAlert, backup, record } = await searchParams;
  const prefill = await getLossAlertForRequest({
    accountId: actor.accountId!,
    id: typeof lossAlert === "string" ? lossAlert : undefined,
    locale: await getLocale(),
  });
  // "Restore selected records" in the backup browser.
  const picked = await getPickedRecords({
    accountId: actor.accountId!,
    backupId: typeof backup === "string" ? backup : undefined,
    picks: ([] as string[]).concat(record ?? []),
  });
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} description={t("intro", { account: account.name })} />
      {eligibility.blockers.length > 0 ? (
        <EligibilityBlockers blockers={eligibility.blockers} adminEmail={account.owner?.email ?? null} />
      ) : (
        <Card>
          <CardBody className="py-6">
            <RequestForm
              requestKey={randomUUID()}
              csvAvailable={eligibility.methods.CSV.available}
              timeZone={account.timeZone}
              picked={picked}
              prefill={prefill && { alertId: prefill.id, method: prefill.method, selection: prefill.selection, date: prefill.restoreDate, title: prefill.title, body: prefill.body }}
              dates={eligibility.dates.map((d) => ({ date: d.date, takenAt: d.takenAt.toISOString(), rowCounts: d.rowCounts }))}
            />
          </CardBody>
        </Card>
      )}
    </div>
  );
}
