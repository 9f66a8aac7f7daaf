import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor, SUPPORT_ROLES } from "@/lib/auth/session";
import { ZBackupSearchInput } from "@/lib/backups/backup-search.schema";
import { getTicketBackupPage } from "@/lib/backups/get-ticket-backup-page";
import { searchBackup } from "@/lib/backups/search-backup";
import { formatTicketNumber, parseTicketNumber } from "@/lib/format/ticket-number";
import { pageTitle } from "@/lib/i18n/page-title";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { BackupBrowser } from "@/components/backups/backup-browser";

export const generateMetadata = pageTitle("backup");

export default async function TicketBackupPage({ params, searchParams }: { params: Promise<{ number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { number: text } = await params;
  await requireActor(SUPPORT_ROLES, `/support/tickets/${encodeURIComponent(text)}/backup`);
  const number = parseTicketNumber(text);
  const page = number === null ? null : await getTicketBackupPage({ number });
  if (!page) notFound();
  const t = await getTranslations("backups");
  const format = await getFormatter();
  const query = await searchParams;
  const input = ZBackupSearchInput.parse({ query: query.q, type: query.type, status: query.status, page: query.page });
  const result = await searchBackup({ accountId: page.accountId, seq: page.backup.seq, input });
  const shown = formatTicketNumber(page.ticketNumber);
  return (
    <div className="max-w-4xl">
      <p className="text-sm">
        <Link href={`/support/tickets/${shown}`} className="text-brand-700 hover:underline">
          ← {shown}
        </Link>
      </p>
      <PageHeader
        title={t("backupTitle", { date: format.dateTime(page.backup.takenAt, { dateStyle: "long", timeStyle: "short", timeZone: page.account.timeZone }) })}
        description={page.account.name}
      />
      <Card>
        <CardBody>
          <BackupBrowser basePath={`/support/tickets/${shown}/backup`} backupId={page.backup.id} input={input} result={result} />
        </CardBody>
      </Card>
    </div>
  );
}
