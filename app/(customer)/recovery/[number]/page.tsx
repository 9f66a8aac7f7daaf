import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getCustomerTicketView } from "@/lib/ticket-views/get-customer-ticket-view";
import { formatTicketNumber, parseTicketNumber } from "@/lib/format/ticket-number";
import { Alert } from "@/components/ui/alert";
import { TicketLossAlert } from "@/components/loss-alerts/ticket-loss-alert";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { TicketStatusBadge } from "@/components/tickets/ticket-status-badge";
import { TicketTimeline } from "@/components/tickets/ticket-timeline";
import { CancelRequestButton } from "@/app/(customer)/recovery/[number]/_components/cancel-request-button";
import { ReplyForm } from "@/app/(customer)/recovery/[number]/_components/reply-form";
import { SnapshotCounts } from "@/components/recovery/snapshot-counts";
import { SelectionSummary } from "@/components/recovery/selection-summary";
import { RunPanel } from "@/components/restore/run-panel";

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ filed?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).number };
}

export default async function CustomerTicketPage({ params, searchParams }: Props) {
  const { number: text } = await params;
  const actor = await requireActor(["ACCOUNT_ADMIN"], `/recovery/${text}`);
  const number = parseTicketNumber(text);
  const view = number === null ? null : await getCustomerTicketView({ actor, number, locale: await getLocale() });
  if (!view) notFound();
  const { ticket, latestRun, undone } = view;

  const t = await getTranslations("ticket");
  const tm = await getTranslations("recovery.method");
  const format = await getFormatter();
  const { filed } = await searchParams;
  const shown = formatTicketNumber(ticket.number);

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-6">
        <PageHeader
          title={
            <span className="flex flex-wrap items-center gap-3">
              <span className="font-mono">{shown}</span>
              <TicketStatusBadge status={ticket.status} />
            </span>
          }
          description={t("subtitle", { method: tm(ticket.method), account: ticket.account.name })}
          actions={view.canCancel ? <CancelRequestButton number={shown} version={ticket.version} /> : undefined}
        />
        {filed === "1" && (
          <Alert tone="success" title={t("filedTitle", { number: shown })}>
            <p>{t("filedBody")}</p>
          </Alert>
        )}
        {view.lossAlert && <TicketLossAlert alert={view.lossAlert} />}
        {ticket.status === "NEEDS_INFO" && <Alert tone="warning" title={t("needsInfoTitle")}>{t("needsInfoBody")}</Alert>}
        {ticket.status === "REJECTED" && (
          <Alert tone="danger" title={t("rejectedTitle")}>
            <p className="whitespace-pre-wrap">{ticket.rejectionReason}</p>
          </Alert>
        )}
        {undone && (
          <Alert tone="warning" title={t("undoneTitle")}>
            <p>{t("undoneBody", { time: format.dateTime(undone.at, { dateStyle: "medium", timeStyle: "short" }) })}</p>
            {undone.reason && (
              <>
                <p className="mt-2 font-medium">{t("undoneReason")}</p>
                <p className="whitespace-pre-wrap break-words">{undone.reason}</p>
              </>
            )}
          </Alert>
        )}
        {view.selectionView && <SelectionSummary view={view.selectionView} requested={view.requestedFigures} />}
        {latestRun && <RunPanel ticketNumber={shown} run={latestRun} audience="customer" />}
        <Card>
          <CardHeader title={t("timeline")} />
          <CardBody>
            <TicketTimeline events={ticket.events} audience="customer" ticketNumber={shown} />
          </CardBody>
        </Card>
        {view.canReply && (
          <Card>
            <CardBody>
              <ReplyForm number={shown} version={ticket.version} needsInfo={ticket.status === "NEEDS_INFO"} waitingUploads={view.waitingUploads} />
            </CardBody>
          </Card>
        )}
      </div>
      <aside className="space-y-4">
        <Card>
          <CardHeader title={t("request")} />
          <CardBody>
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-slate-500">{t("method")}</dt>
                <dd className="font-medium">{tm(ticket.method)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("restoreDate")}</dt>
                <dd className="font-medium">{format.dateTime(ticket.restoreDate, { dateStyle: "full", timeZone: "UTC" })}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("filedBy")}</dt>
                <dd className="font-medium">
                  {ticket.requester.name}, {format.dateTime(ticket.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </dd>
              </div>
            </dl>
          </CardBody>
        </Card>
        {ticket.snapshot && (
          <Card>
            <CardHeader
              title={t("backup")}
              description={format.dateTime(ticket.snapshot.takenAt, { dateStyle: "medium", timeStyle: "short", timeZone: ticket.account.timeZone })}
            />
            <CardBody>
              <SnapshotCounts rowCounts={ticket.snapshot.rowCounts as Record<string, number>} />
            </CardBody>
          </Card>
        )}
      </aside>
    </div>
  );
}
