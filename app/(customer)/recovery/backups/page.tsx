import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor, CUSTOMER_ROLES } from "@/lib/auth/session";
import { getAccountOverview } from "@/lib/accounts/get-account-overview";
import { listAccountBackups } from "@/lib/backups/list-account-backups";
import { pageTitle } from "@/lib/i18n/page-title";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { MemberPage } from "@/components/recovery/member-page";
import { SnapshotCounts } from "@/components/recovery/snapshot-counts";

export const generateMetadata = pageTitle("backups");

export default async function BackupsPage() {
  const actor = await requireActor(CUSTOMER_ROLES, "/recovery/backups");
  const t = await getTranslations("backups");
  const format = await getFormatter();
  const account = await getAccountOverview(actor.accountId!);
  if (actor.role === "ACCOUNT_MEMBER") {
    return <MemberPage title={t("title")} account={account} />;
  }
  const backups = await listAccountBackups({ accountId: account.id });
  return (
    <div className="max-w-4xl">
      <p className="text-sm">
        <Link href="/recovery" className="text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader title={t("title")} description={t("intro", { account: account.name })} />
      {backups.length === 0 ? (
        <Card>
          <EmptyState title={t("empty")} />
        </Card>
      ) : (
        <ul className="space-y-4">
          {backups.map((backup) => (
            <li key={backup.snapshotId}>
              <Card>
                <CardBody className="space-y-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h2 className="text-base font-semibold text-slate-900">
                      <Link href={`/recovery/backups/${backup.snapshotId}`} className="text-brand-700 hover:underline">
                        {format.dateTime(backup.takenAt, { dateStyle: "full", timeStyle: "short", timeZone: account.timeZone })}
                      </Link>
                    </h2>
                    <p className="text-sm text-slate-600">{t("keptUntil", { date: format.dateTime(backup.keptUntil, { dateStyle: "medium", timeStyle: "short", timeZone: account.timeZone }) })}</p>
                  </div>
                  <SnapshotCounts rowCounts={backup.rowCounts} />
                </CardBody>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
