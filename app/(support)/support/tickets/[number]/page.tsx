import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireActor, SUPPORT_ROLES } from "@/lib/auth/session";
import { formatBytes } from "@/lib/format/bytes";
import { computeRestorePreview } from "@/lib/preview/restore-preview";
import { totals } from "@/lib/preview/preview-figures";
import { getSupportTicketView } from "@/lib/ticket-views/get-support-ticket-view";
import { getQueueNeighbours } from "@/lib/ticket-views/get-queue-neighbours";
import { listCannedRepliesForTicket } from "@/lib/canned-replies/list-canned-replies-for-ticket";
import { formatTicketNumber, parseTicketNumber } from "@/lib/format/ticket-number";
import { Alert } from "@/components/ui/alert";
import { TicketLossAlert } from "@/components/loss-alerts/ticket-loss-alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { TicketStatusBadge } from "@/components/tickets/ticket-status-badge";
import { TicketTimeline } from "@/components/tickets/ticket-timeline";
import { BackupHoldBadge } from "@/components/tickets/backup-hold-badge";
import { TicketTimersCard } from "@/components/tickets/ticket-timers-card";
import { RestorePreviewPanel } from "@/components/support/restore-preview-panel";
import { ApprovedPreviewCard } from "@/components/support/approved-preview-card";
import { SupportMessageForm } from "@/app/(support)/support/tickets/[number]/_components/support-message-form";
import { TicketActionBar } from "@/app/(support)/support/tickets/[number]/_components/ticket-action-bar";
import { TicketPresenceBar, TicketPresenceProvider } from "@/app/(support)/support/tickets/[number]/_components/ticket-presence";
import { TicketShortcuts } from "@/app/(support)/support/tickets/[number]/_components/ticket-shortcuts";
import { SelectionSummary } from "@/components/recovery/selection-summary";
import { RunPanel } from "@/components/restore/run-panel";
import { RunHistory } from "@/components/restore/run-history";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).number };
}

export default async function SupportTicketPage({ params }: Props) {
  const { number: text } = await params;
  const actor = await requireActor(SUPPORT_ROLES, `/support/tickets/${text}`);
  const number = parseTicketNumber(text);
  const [view, cannedReplies] =
    number === null ? [null, null] : await Promise.all([getSupportTicketView({ actor, number, locale: await getLocale() }), listCannedRepliesForTicket({ number, agentName: actor.name })]);
  if (!view || !cannedReplies) notFound();
  const { ticket, runs, actions, undoUntil, approvedPreview, fullRestoreFigures } = view;
  const neighbours = await getQueueNeighbours(ticket);

  const t = await getTranslations("supportTicket");
  const tm = await getTranslations("recovery.method");
  const te = await getTranslations("errors.codes");
  const format = await getFormatter();
  const locale = await getLocale();
  const shown = formatTicketNumber(ticket.number);
  const ran = ticket.status === "COMPLETED" || ticket.status === "UNDONE";
  // One preview computation per page view, shared by the preview panel and the approval dialog.
  const preview = !ran && ticket.method !== "CSV" && ticket.snapshot ? computeRestorePreview({ accountId: ticket.accountId, snapshotId: ticket.snapshot.id, selection: view.selection }) : null;
  const snapshotCounts = (ticket.snapshot?.rowCounts ?? {}) as Record<string, number>;

  return (
    <TicketPresenceProvider number={shown} version={ticket.version}>
      <div className="space-y-6">
        <div>
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <Link href="/support/tickets" className="text-brand-700 hover:underline">
              ← {t("back")}
            </Link>
            <TicketShortcuts previousHref={neighbours.previousHref} nextHref={neighbours.nextHref} />
          </div>
          <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            <span className="font-mono">{shown}</span>
            <TicketStatusBadge status={ticket.status} />
            <Badge tone={ticket.method === "FULL" ? "danger" : "neutral"}>{tm(ticket.method)}</Badge>
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {t("subtitle", { account: ticket.account.name, requester: ticket.requester.name })} ·{" "}
            {ticket.assignee ? t("assignedTo", { name: ticket.assignee.name }) : t("unassigned")}
          </p>
        </div>
        <TicketPresenceBar />
        {/* A direct child of the page, so it can stick under the header for the whole page. */}
        <TicketActionBar
          number={shown}
          version={ticket.version}
          canAssignToMe={view.canAssignToMe}
          actions={actions}
          approveBlockedReason={view.approveBlockedKey ? te(view.approveBlockedKey) : undefined}
          method={ticket.method}
          accountName={ticket.account.name}
          undoDeadline={undoUntil && format.dateTime(undoUntil, { dateStyle: "medium", timeStyle: "short" })}
          approval={
            preview
              ? { preview: preview.then((p) => totals(p.figures)) }
              : ticket.method === "CSV"
                ? { csv: { contacts: snapshotCounts.contact ?? 0, companies: snapshotCounts.company ?? 0, deals: snapshotCounts.deal ?? 0, leads: snapshotCounts.lead ?? 0 } }
                : null
          }
          undoFigures={fullRestoreFigures}
        />

        {view.lossAlert && <TicketLossAlert alert={view.lossAlert} />}
        {ticket.approvalRequestedById && ticket.status === "IN_REVIEW" && (
          <Alert tone="info" title={t("approvalRequested", { name: view.approvalRequestedBy ?? "—" })}>
            {t("fourEyes")}
          </Alert>
        )}
        {ticket.approvedById && (
          <Alert tone="success" title={t("approvedBy", { name: view.approvedBy ?? "—" })}>
            {ticket.approvedAt && format.dateTime(ticket.approvedAt, { dateStyle: "medium", timeStyle: "short" })}
          </Alert>
        )}

        <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="min-w-0 space-y-6">
            <Card>
              <CardHeader title={t("request")} />
              <CardBody className="space-y-3 text-sm">
                <dl className="grid gap-3 sm:grid-cols-3">
                  <div>
                    <dt className="text-slate-500">{t("restoreDate")}</dt>
                    <dd className="font-medium">{format.dateTime(ticket.restoreDate, { dateStyle: "full", timeZone: "UTC" })}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t("filed")}</dt>
                    <dd className="font-medium">{format.dateTime(ticket.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t("backupHold")}</dt>
                    <dd>
                      <BackupHoldBadge backupExpiresAt={ticket.backupExpiresAt?.toISOString() ?? null} open={!ticket.closedAt} now={new Date().toISOString()} />
                    </dd>
                  </div>
                </dl>
                <div>
                  <p className="text-slate-500">{t("whatWasLost")}</p>
                  <p className="mt-1 whitespace-pre-wrap break-words">{ticket.description}</p>
                </div>
                {ticket.snapshot && (
                  <p>
                    <Link href={`/support/tickets/${shown}/backup`} className="text-brand-700 hover:underline">
                      {t("browseBackup")}
                    </Link>
                  </p>
                )}
              </CardBody>
            </Card>

            {view.selectionView && <SelectionSummary view={view.selectionView} requested={null} />}
            {runs[0] && (
              <RunPanel
                ticketNumber={shown}
                run={runs[0]}
                audience="support"
                undoDeadline={(runs[0].kind === "FULL_RESTORE" || runs[0].kind === "SELECTIVE_RESTORE") && undoUntil ? undoUntil.toISOString() : null}
              />
            )}
            {runs.length > 1 && <RunHistory runs={runs.slice(1)} />}

            {ran ? (
              ticket.method !== "CSV" && approvedPreview && <ApprovedPreviewCard approved={approvedPreview} run={fullRestoreFigures} selective={ticket.method === "SELECTIVE"} />
            ) : ticket.snapshot ? (
              <Suspense fallback={<Card><CardBody><p className="text-sm text-slate-500" aria-busy="true">{t("previewLoading")}</p></CardBody></Card>}>
                <RestorePreviewPanel preview={preview} snapshotCounts={snapshotCounts} approved={approvedPreview} requested={view.requestedPreview} selective={ticket.method === "SELECTIVE"} />
              </Suspense>
            ) : (
              <Alert tone="warning">{t("snapshotGone")}</Alert>
            )}

            <Card>
              <CardHeader title={t("timeline")} />
              <CardBody>
                <TicketTimeline events={ticket.events} audience="support" ticketNumber={shown} />
              </CardBody>
            </Card>
            <Card>
              <CardBody>
                <SupportMessageForm number={shown} version={ticket.version} cannedReplies={cannedReplies} waitingUploads={view.waitingUploads} />
              </CardBody>
            </Card>
          </div>

          <aside className="min-w-0 space-y-6">
            <TicketTimersCard
              ticket={{ createdAt: ticket.createdAt.toISOString(), firstResponseAt: ticket.firstResponseAt?.toISOString() ?? null, closedAt: ticket.closedAt?.toISOString() ?? null }}
              now={new Date().toISOString()}
            />
            <Card>
              <CardHeader title={t("account")} />
              <CardBody>
                <dl className="space-y-2 text-sm">
                  <div className="flex justify-between gap-2">
                    <dt className="text-slate-500">{t("accountName")}</dt>
                    <dd className="text-right font-medium">{ticket.account.name}</dd>
                  </div>
                  <div className="flex justify-between gap-2">
                    <dt className="text-slate-500">{t("plan")}</dt>
                    <dd className="font-medium">{ticket.account.plan.name}</dd>
                  </div>
                  <div className="flex justify-between gap-2">
                    <dt className="text-slate-500">{t("size")}</dt>
                    <dd className="font-medium tabular-nums">{formatBytes(ticket.account.databaseSizeBytes, locale)}</dd>
                  </div>
                  <div className="flex justify-between gap-2">
                    <dt className="text-slate-500">{t("admin")}</dt>
                    <dd className="text-right font-medium">{ticket.account.owner?.name}</dd>
                  </div>
                </dl>
              </CardBody>
            </Card>
            <Card>
              <CardHeader title={t("snapshots")} description={t("snapshotsHint")} />
              <CardBody>
                <ul className="space-y-2 text-sm">
                  {ticket.account.snapshots.map((s) => {
                    const counts = s.rowCounts as Record<string, number>;
                    const held = s.id === ticket.snapshotId;
                    return (
                      <li key={s.id} className={`rounded-md border px-3 py-2 ${held ? "border-brand-300 bg-brand-50" : "border-slate-200"}`}>
                        <div className="flex items-center justify-between gap-2">
                          <span className="font-medium">{format.dateTime(s.takenAt, { dateStyle: "medium", timeStyle: "short", timeZone: ticket.account.timeZone })}</span>
                          {held && <Badge tone="brand">{t("heldForTicket")}</Badge>}
                          {s.kind !== "DAILY" && <Badge tone="muted">{t(`snapshotKind.${s.kind}`)}</Badge>}
                        </div>
                        <p className="mt-0.5 text-xs text-slate-600">
                          {t("snapshotCounts", { contacts: counts.contact ?? 0, companies: counts.company ?? 0, deals: counts.deal ?? 0, products: counts.product ?? 0 })}
                        </p>
                      </li>
                    );
                  })}
                </ul>
              </CardBody>
            </Card>
          </aside>
        </div>
      </div>
    </TicketPresenceProvider>
  );
}
