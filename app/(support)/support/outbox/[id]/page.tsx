import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor, SUPPORT_ROLES } from "@/lib/auth/session";
import { getOutboxEmail } from "@/lib/notifications/get-outbox-email";
import { EmailStatusBadge } from "@/components/notifications/email-status-badge";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("email");

export default async function OutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireActor(SUPPORT_ROLES, `/support/outbox/${encodeURIComponent(id)}`);
  const email = await getOutboxEmail(id);
  if (!email) notFound();
  const [t, format] = await Promise.all([getTranslations("notifications.outbox"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const facts = (
    [
      [t("to"), `${email.toName} <${email.toAddress}>`],
      [t("subject"), email.subject],
      [t("status"), <EmailStatusBadge key="status" status={email.status} />],
      [t("created"), when(email.createdAt)],
      [t("attempts"), email.attempts],
      [t("sent"), email.sentAt && when(email.sentAt)],
      [t("messageId"), email.messageId],
      [t("lastError"), email.lastError],
    ] satisfies [string, React.ReactNode][]
  ).filter(([, value]) => value !== null && value !== undefined);
  return (
    <div className="max-w-4xl space-y-4">
      <Link href="/support/outbox" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader title={email.subject} />
      <Card>
        <CardBody>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-500">{label}</dt>
                <dd className="break-words text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title={t("plainText")}
          actions={
            <a href={`/api/support/outbox/${email.id}/html`} target="_blank" rel="noopener" className="text-sm font-medium text-brand-700 hover:underline">
              {t("openHtml")}
            </a>
          }
        />
        <CardBody>
          <pre data-testid="email-text" className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words font-sans text-sm text-slate-800">
            {email.textBody}
          </pre>
        </CardBody>
      </Card>
    </div>
  );
}
