import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor, SUPPORT_ROLES } from "@/lib/auth/session";
import { EmailStatus } from "@/lib/generated/prisma/enums";
import { mailTransportFromEnv } from "@/lib/notifications/mail-transport";
import { getOutboxView } from "@/lib/notifications/get-outbox-view";
import { EmailStatusBadge } from "@/components/notifications/email-status-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState, Table, Td, Th, Tr } from "@/components/ui/table";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("outbox");

type Props = { searchParams: Promise<{ status?: string }> };

/** Every email the app sends or would send; without SMTP, the only place they can be read. */
export default async function OutboxPage({ searchParams }: Props) {
  await requireActor(SUPPORT_ROLES, "/support/outbox");
  const { status: statusParam } = await searchParams;
  const status = Object.values(EmailStatus).find((s) => s === statusParam) ?? null;
  const [{ emails, counts }, t, format] = await Promise.all([getOutboxView({ status }), getTranslations("notifications.outbox"), getFormatter()]);
  const transport = mailTransportFromEnv();
  const countOf = (s: EmailStatus) => counts.find((c) => c.status === s)?._count._all ?? 0;
  const filters: { label: string; href: string; active: boolean }[] = [
    { label: t("all"), href: "/support/outbox", active: status === null },
    ...Object.values(EmailStatus).map((s) => ({ label: `${t(`statuses.${s}`)} (${countOf(s)})`, href: `/support/outbox?status=${s}`, active: status === s })),
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("intro", { mode: transport ? t("modeSmtp", { host: transport.host }) : t("modeKept") })} />
      <nav aria-label={t("status")} className="flex flex-wrap gap-2">
        {filters.map((filter) => (
          <Link
            key={filter.href}
            href={filter.href}
            aria-current={filter.active ? "page" : undefined}
            className={cn("rounded-full border px-3 py-1 text-sm", filter.active ? "border-brand-600 bg-brand-50 font-medium text-brand-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50")}
          >
            {filter.label}
          </Link>
        ))}
      </nav>
      <Card>
        {emails.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("created")}</Th>
                <Th>{t("to")}</Th>
                <Th>{t("subject")}</Th>
                <Th>{t("status")}</Th>
                <Th className="text-right">{t("attempts")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {emails.map((email) => (
                <Tr key={email.id}>
                  <Td className="whitespace-nowrap text-slate-600">{format.dateTime(email.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                  <Td>
                    <span className="block font-medium">{email.toName}</span>
                    <span className="block text-xs break-all text-slate-500">{email.toAddress}</span>
                  </Td>
                  <Td>
                    <Link href={`/support/outbox/${email.id}`} className="font-medium text-brand-700 hover:underline">
                      {email.subject}
                    </Link>
                    {email.lastError && <span className="mt-0.5 block text-xs text-red-700">{email.lastError}</span>}
                  </Td>
                  <Td className="whitespace-nowrap">
                    <EmailStatusBadge status={email.status} />
                    {email.status === "PENDING" && email.attempts > 0 && (
                      <span className="mt-1 block text-xs text-slate-500">{t("nextAttempt", { time: format.relativeTime(email.nextAttemptAt) })}</span>
                    )}
                  </Td>
                  <Td className="text-right tabular-nums">{email.attempts}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <p className="text-xs text-slate-500">{t("showing", { count: emails.length })}</p>
    </div>
  );
}
