import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor, CUSTOMER_ROLES } from "@/lib/auth/session";
import { getAccountOverview } from "@/lib/accounts/get-account-overview";
import { ZBackupSearchInput } from "@/lib/backups/backup-search.schema";
import { getCustomerBackupPage } from "@/lib/backups/get-customer-backup-page";
import { searchBackup } from "@/lib/backups/search-backup";
import { pageTitle } from "@/lib/i18n/page-title";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { MemberPage } from "@/components/recovery/member-page";
import { BackupBrowser } from "@/components/backups/backup-browser";

export const generateMetadata = pageTitle("backup");

export default async function BackupPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const actor = await requireActor(CUSTOMER_ROLES, `/recovery/backups/${encodeURIComponent(id)}`);
  const t = await getTranslations("backups");
  const format = await getFormatter();
  if (actor.role === "ACCOUNT_MEMBER") {
    const account = await getAccountOverview(actor.accountId!);
    return <MemberPage title={t("title")} account={account} />;
  }
  const page = await getCustomerBackupPage({ accountId: actor.accountId!, backupId: id });
  if (!page) notFound();
  const { account, backup } = page;
  const query = await searchParams;
  const input = ZBackupSearchInput.parse({ query: query.q, type: query.type, status: query.status, page: query.page });
  const result = await searchBackup({ accountId: account.id, seq: backup.seq, input });
  const takenAt = format.dateTime(backup.takenAt, { dateStyle: "long", timeStyle: "short", timeZone: account.timeZone });
  return (
    <div className="max-w-4xl">
      <p className="text-sm">
        <Link href="/recovery/backups" className="text-brand-700 hover:underline">
          ← {t("allBackups")}
        </Link>
      </p>
      <PageHeader
        title={t("backupTitle", { date: takenAt })}
        description={t("keptUntil", { date: format.dateTime(backup.keptUntil, { dateStyle: "medium", timeStyle: "short", timeZone: account.timeZone }) })}
      />
      <Card>
        <CardBody>
          <BackupBrowser basePath={`/recovery/backups/${backup.snapshotId}`} backupId={backup.snapshotId} input={input} result={result} restoreAction="/recovery/new" />
        </CardBody>
      </Card>
    </div>
  );
}
