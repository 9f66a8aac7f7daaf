import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getBackupRecord } from "@/lib/backups/get-backup-record";
import { getCustomerBackupPage } from "@/lib/backups/get-customer-backup-page";
import { pageTitle } from "@/lib/i18n/page-title";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { BackupRecordCard } from "@/components/backups/backup-record-card";

export const generateMetadata = pageTitle("backupRecord");

export default async function BackupRecordPage({ params }: { params: Promise<{ id: string; type: string; recordId: string }> }) {
  const { id, type, recordId } = await params;
  const actor = await requireActor(["ACCOUNT_ADMIN"], `/recovery/backups/${encodeURIComponent(id)}`);
  const page = await getCustomerBackupPage({ accountId: actor.accountId!, backupId: id });
  if (!page) notFound();
  const record = await getBackupRecord({ accountId: page.account.id, seq: page.backup.seq, type, id: recordId });
  if (!record) notFound();
  const t = await getTranslations("backups");
  const tt = await getTranslations("tables");
  const format = await getFormatter();
  const backupPath = `/recovery/backups/${page.backup.snapshotId}`;
  return (
    <div className="max-w-3xl">
      <p className="text-sm">
        <Link href={backupPath} className="text-brand-700 hover:underline">
          ← {t("backupTitle", { date: format.dateTime(page.backup.takenAt, { dateStyle: "medium", timeStyle: "short", timeZone: page.account.timeZone }) })}
        </Link>
      </p>
      <PageHeader
        title={record.label}
        description={tt(record.type)}
        actions={
          record.status !== "UNCHANGED" && (
            <ButtonLink href={`/recovery/new?backup=${page.backup.snapshotId}&record=${record.type}:${record.id}`}>{t("record.restore")}</ButtonLink>
          )
        }
      />
      <BackupRecordCard record={record} />
    </div>
  );
}
