import { getTranslations } from "next-intl/server";
import { requireActor, SUPPORT_ROLES } from "@/lib/auth/session";
import { getTicketQueueView } from "@/lib/tickets/get-ticket-queue-view";
import { parseTicketQueueParams } from "@/lib/tickets/ticket-queue-params";
import { PageHeader } from "@/components/ui/card";
import { TicketQueue } from "@/app/(support)/support/tickets/(queue)/_components/ticket-queue";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("ticketQueue");

export default async function SupportTicketsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(SUPPORT_ROLES, "/support/tickets");
  const params = parseTicketQueueParams(await searchParams);
  const t = await getTranslations("support");
  const { data, staff, staffOn } = await getTicketQueueView({ params, actorId: actor.id });
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />
      <TicketQueue
        key={JSON.stringify(params)}
        meId={actor.id}
        staff={staff}
        now={new Date().toISOString()}
        params={params}
        data={{
          ...data,
          rows: data.rows.map((row) => ({
            id: row.id,
            number: row.number,
            account: row.account.name,
            plan: row.account.plan.name,
            method: row.method,
            restoreDate: row.restoreDate.toISOString(),
            status: row.status,
            assignee: row.assignee?.name ?? null,
            createdAt: row.createdAt.toISOString(),
            backupExpiresAt: row.backupExpiresAt?.toISOString() ?? null,
            open: row.closedAt === null,
            firstResponseAt: row.firstResponseAt?.toISOString() ?? null,
            closedAt: row.closedAt?.toISOString() ?? null,
            staffOn: staffOn.get(row.id) ?? [],
          })),
        }}
      />
    </div>
  );
}
