"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { RowSelectionState } from "@tanstack/react-table";
import { bulkAssignAction } from "@/app/(support)/support/tickets/(queue)/actions";
import { TicketStatus } from "@/lib/generated/prisma/enums";
import { PER_PAGE_OPTIONS, QUEUE_VIEWS, queueHref, type QueueView, type TicketQueueParams } from "@/lib/tickets/ticket-queue-params";
import { Button, ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DataTable } from "@/components/ui/data-table";
import { Input, Select } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { useTicketColumns, type QueueRow } from "@/components/tickets/ticket-columns";
import { BackupHoldBadge } from "@/components/tickets/backup-hold-badge";
import { TicketStatusBadge } from "@/components/tickets/ticket-status-badge";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import { QueueShortcuts } from "@/app/(support)/support/tickets/(queue)/_components/queue-shortcuts";

export type QueueData = {
  rows: QueueRow[];
  count: number;
  page: number;
  perPage: number;
  totalPages: number;
  statusCounts: Partial<Record<TicketStatus, number>>;
  viewCounts: Record<QueueView, number>;
};

/** The toolbar's sorts, in the order an agent reaches for them (updatedAt has no column: it is for links only). */
const SORT_CHOICES = ["urgency", "createdAt", "firstResponse", "resolution", "restoreDate", "status", "account", "number"] as const satisfies readonly TicketQueueParams["sort"][];

export function TicketQueue({ data, params, now, staff, meId }: { data: QueueData; params: TicketQueueParams; now: string; staff: { id: string; name: string }[]; meId: string }) {
  const t = useTranslations("queue");
  const ts = useTranslations("status");
  const tm = useTranslations("recovery.method");
  const format = useFormatter();
  const router = useRouter();
  const toast = useToast();
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [activeRowId, setActiveRowId] = useState<string | null>(null);
  const [assignee, setAssignee] = useState(meId);
  const [pending, startTransition] = useTransition();
  const columns = useTicketColumns(params, now);
  const selectedIds = Object.keys(selection).filter((id) => selection[id]);
  const go = (change: Partial<TicketQueueParams>) => router.push(queueHref(params, { ...change, page: 1 }));
  const toggleStatus = (status: TicketStatus) =>
    queueHref(params, { status: params.status.includes(status) ? params.status.filter((s) => s !== status) : [...params.status, status], page: 1 });
  const from = data.count === 0 ? 0 : (data.page - 1) * data.perPage + 1;
  const to = Math.min(data.count, data.page * data.perPage);

  return (
    <div className="space-y-4">
      <nav aria-label={t("views.label")} className="-mx-1 flex gap-1 overflow-x-auto border-b border-slate-200 px-1">
        {QUEUE_VIEWS.map((view) => {
          const active = params.view === view;
          return (
            <Link
              key={view}
              href={queueHref(params, { view, status: [], page: 1 })}
              aria-current={active ? "page" : undefined}
              className={cn(
                "-mb-px flex shrink-0 items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                active ? "border-brand-600 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {t(`views.${view}`)}
              <span className={cn("rounded-full px-1.5 text-xs tabular-nums", active ? "bg-brand-100 text-brand-800" : "bg-slate-100 text-slate-600")}>{format.number(data.viewCounts[view])}</span>
            </Link>
          );
        })}
      </nav>

      <nav aria-label={t("statusFilter")} className="flex flex-wrap gap-2">
        <Link
          href={queueHref(params, { status: [], page: 1 })}
          aria-current={params.status.length === 0 ? "true" : undefined}
          className={cn("rounded-full border px-3 py-1 text-sm", params.status.length === 0 ? "border-slate-800 bg-slate-800 text-white" : "border-slate-300 bg-white hover:bg-slate-50")}
        >
          {t("anyStatus")}
        </Link>
        {/* Only the statuses this view holds: no row of zeros for closed tickets in "Open". */}
        {Object.values(TicketStatus)
          .filter((status) => (data.statusCounts[status] ?? 0) > 0 || params.status.includes(status))
          .map((status) => {
            const active = params.status.includes(status);
            return (
              <Link
                key={status}
                href={toggleStatus(status)}
                aria-pressed={active}
                className={cn("flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm", active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white hover:bg-slate-50")}
              >
                {ts(status)}
                <span className={cn("tabular-nums text-xs font-semibold", active ? "text-brand-100" : "text-slate-500")}>{format.number(data.statusCounts[status] ?? 0)}</span>
              </Link>
            );
          })}
      </nav>

      <div className="flex flex-wrap items-end gap-3">
        <form action="/support/tickets" method="get" role="search" className="flex min-w-64 flex-1 gap-2">
          {params.view !== "open" && <input type="hidden" name="view" value={params.view} />}
          {params.status.length > 0 && <input type="hidden" name="status" value={params.status.join(",")} />}
          {params.method && <input type="hidden" name="method" value={params.method} />}
          {params.assignee !== "any" && <input type="hidden" name="assignee" value={params.assignee} />}
          <label htmlFor="queue-search" className="sr-only">
            {t("search")}
          </label>
          <Input id="queue-search" data-shortcut="search" name="q" type="search" defaultValue={params.q ?? ""} placeholder={t("searchPlaceholder")} maxLength={100} />
          <Button type="submit" variant="secondary">
            {t("searchButton")}
          </Button>
        </form>
        <label className="text-sm">
          <span className="mb-1 block text-xs font-medium text-slate-600">{t("method")}</span>
          <Select value={params.method ?? ""} onChange={(e) => go({ method: (e.target.value || undefined) as TicketQueueParams["method"] })} className="w-40">
            <option value="">{t("anyMethod")}</option>
            <option value="CSV">{tm("CSV")}</option>
            <option value="SELECTIVE">{tm("SELECTIVE")}</option>
            <option value="FULL">{tm("FULL")}</option>
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-xs font-medium text-slate-600">{t("assignee")}</span>
          <Select value={params.assignee} onChange={(e) => go({ assignee: e.target.value as TicketQueueParams["assignee"] })} className="w-40">
            <option value="any">{t("anyone")}</option>
            <option value="mine">{t("mine")}</option>
            <option value="unassigned">{t("unassigned")}</option>
          </Select>
        </label>
        {/* Where not every column (and so not every sort header) is on screen: laptops, phones. */}
        <label className="text-sm 2xl:hidden">
          <span className="mb-1 block text-xs font-medium text-slate-600">{t("sortBy")}</span>
          <Select value={params.sort} onChange={(e) => go({ sort: e.target.value as TicketQueueParams["sort"], dir: undefined })} className="w-auto max-w-full">
            {SORT_CHOICES.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sort.${sort}`)}
              </option>
            ))}
          </Select>
        </label>
        {(params.q || params.status.length > 0 || params.method || params.assignee !== "any") && (
          <ButtonLink href={queueHref(params, { q: undefined, status: [], method: undefined, assignee: "any", page: 1 })} variant="ghost">
            {t("clear")}
          </ButtonLink>
        )}
        <div className="self-center">
          <QueueShortcuts
            rows={data.rows}
            meId={meId}
            activeRowId={activeRowId}
            onActiveRowChange={setActiveRowId}
            onToggleSelection={(id) => setSelection((current) => ({ ...current, [id]: !current[id] }))}
          />
        </div>
      </div>

      {selectedIds.length > 0 && (
        <div className="flex flex-wrap items-center gap-3 rounded-lg border border-brand-200 bg-brand-50 px-4 py-2 text-sm" role="region" aria-label={t("bulk")}>
          <span className="font-medium">{t("selected", { count: selectedIds.length })}</span>
          <label className="flex items-center gap-2">
            {t("assignTo")}
            <Select value={assignee} onChange={(e) => setAssignee(e.target.value)} className="h-8 w-48 py-0">
              {staff.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.id === meId ? t("me", { name: person.name }) : person.name}
                </option>
              ))}
            </Select>
          </label>
          <Button
            size="sm"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await bulkAssignAction({ ticketIds: selectedIds, assigneeId: assignee });
                if (result.ok) {
                  toast.show(t("assigned", { count: result.data.assigned }));
                  setSelection({});
                  router.refresh();
                } else toast.show(result.message, "error");
              })
            }
          >
            {t("assign")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSelection({})}>
            {t("clearSelection")}
          </Button>
        </div>
      )}

      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        <div className="hidden md:block">
          <DataTable
            columns={columns}
            data={data.rows}
            getRowId={(row) => row.id}
            rowSelection={selection}
            onRowSelectionChange={setSelection}
            activeRowId={activeRowId}
            caption={t("caption")}
            empty={<EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>}
          />
        </div>
        {/* A phone gets cards: what an agent decides on at a glance, the whole card a link. */}
        <ul className="divide-y divide-slate-100 md:hidden" aria-label={t("caption")}>
          {data.rows.length === 0 && (
            <li>
              <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
            </li>
          )}
          {data.rows.map((row) => (
            <li key={row.id} aria-current={row.id === activeRowId ? "true" : undefined}>
              <Link href={`/support/tickets/${formatTicketNumber(row.number)}`} className={cn("block space-y-1.5 px-4 py-3 hover:bg-slate-50", row.id === activeRowId && "bg-brand-50 ring-2 ring-brand-500 ring-inset")}>
                <span className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-mono font-medium text-brand-700">{formatTicketNumber(row.number)}</span>
                  <TicketStatusBadge status={row.status} />
                </span>
                <span className="block font-medium text-slate-900">{row.account}</span>
                <span className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                  {tm(row.method)}
                  <BackupHoldBadge backupExpiresAt={row.backupExpiresAt} open={row.open} now={now} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-4 py-3 text-sm">
          <p className="text-slate-600">{t("showing", { from, to, count: data.count })}</p>
          {/* Wraps on a phone: in Polish the row is wider than the card. */}
          <div className="flex flex-wrap items-center gap-2">
            <label className="flex items-center gap-2 whitespace-nowrap text-slate-600">
              {t("perPage")}
              <Select value={params.perPage} onChange={(e) => go({ perPage: Number(e.target.value) })} className="h-8 w-20 shrink-0 py-0">
                {PER_PAGE_OPTIONS.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </Select>
            </label>
            <nav aria-label={t("pagination")} className="flex items-center gap-1">
              {data.page > 1 ? (
                <ButtonLink href={queueHref(params, { page: data.page - 1 })} variant="secondary" size="sm" rel="prev">
                  {t("previous")}
                </ButtonLink>
              ) : (
                <Button variant="secondary" size="sm" disabled>
                  {t("previous")}
                </Button>
              )}
              <span className="whitespace-nowrap px-2 tabular-nums text-slate-600">{t("page", { page: data.page, total: data.totalPages })}</span>
              {data.page < data.totalPages ? (
                <ButtonLink href={queueHref(params, { page: data.page + 1 })} variant="secondary" size="sm" rel="next">
                  {t("next")}
                </ButtonLink>
              ) : (
                <Button variant="secondary" size="sm" disabled>
                  {t("next")}
                </Button>
              )}
            </nav>
          </div>
        </div>
      </div>
    </div>
  );
}
