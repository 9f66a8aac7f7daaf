import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor, SUPPORT_ROLES } from "@/lib/auth/session";
import { getBackupRecord } from "@/lib/backups/get-backup-record";
import { getTicketBackupPage } from "@/lib/backups/get-ticket-backup-page";
import { formatTicketNumber, parseTicketNumber } from "@/lib/format/ticket-number";
import { pageTitle } from "@/lib/i18n/page-title";
import { PageHeader } from "@/components/ui/card";
import { BackupRecordCard } from "@/components/backups/backup-record-card";

export const generateMetadata = pageTitle("backupRecord");

export default async function TicketBackupRecordPage({ params }: { params: Promise<{ number: string; type: string; recordId: string }> }) {
  const { number: text, type, recordId } = await params;
  await requireActor(SUPPORT_ROLES, `/support/tickets/${encodeURIComponent(text)}/backup`);
  const number = parseTicketNumber(text);
  if (number === null) notFound();
  const page = await getTicketBackupPage({ number });
  if (!page) notFound();
  const record = await getBackupRecord({ accountId: page.accountId, seq: page.backup.seq, type, id: recordId });
  if (!record) notFound();
  const t = await getTranslations("backups");
  const tt = await getTranslations("tables");
  const shown = formatTicketNumber(page.ticketNumber);
  return (
    <div className="max-w-3xl">
      <p className="text-sm">
        <Link href={`/support/tickets/${shown}/backup`} className="text-brand-700 hover:underline">
          ← {t("search.label")}
        </Link>
      </p>
      <PageHeader title={record.label} description={`${tt(record.type)} · ${page.account.name}`} />
      <BackupRecordCard record={record} />
    </div>
  );
}
