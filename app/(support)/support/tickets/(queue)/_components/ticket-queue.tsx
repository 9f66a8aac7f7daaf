"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { RowSelectionState } from "@tanstack/react-table";
import { bulkAssignAction } from "@/app/(support)/support/tickets/(queue)/actions";
import { TicketStatus } from "@/lib/generated/prisma/enums";
import { PER_PAGE_OPTIONS, queueHref, type TicketQueueParams } from "@/lib/tickets/ticket-queue-params";
import { Button, ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DataTable } from "@/components/ui/data-table";
import { Input, Select } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { useTicketColumns, type QueueRow } from "@/components/tickets/ticket-columns";

export type QueueData = {
  rows: QueueRow[];
  count: number;
  page: number;
  perPage: number;
  totalPages: number;
  statusCounts: Partial<Record<TicketStatus, number>>;
};

export function TicketQueue({ data, params, now, staff, meId }: { data: QueueData; params: TicketQueueParams; now: string; staff: { id: string; name: string }[]; meId: string }) {
  const t = useTranslations("queue");
  const ts = useTranslations("status");
  const tm = useTranslations("recovery.method");
  const format = useFormatter();
  const router = useRouter();
  const toast = useToast();
  const [selection, setSelection] = useState<RowSelectionState>({});
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
      <nav aria-label={t("statusFilter")} className="flex flex-wrap gap-2">
        <Link
          href={queueHref(params, { status: [], page: 1 })}
          aria-current={params.status.length === 0 ? "true" : undefined}
          className={cn("rounded-full border px-3 py-1 text-sm", params.status.length === 0 ? "border-slate-800 bg-slate-800 text-white" : "border-slate-300 bg-white hover:bg-slate-50")}
        >
          {t("all")}
        </Link>
        {Object.values(TicketStatus).map((status) => {
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
          {params.status.length > 0 && <input type="hidden" name="status" value={params.status.join(",")} />}
          {params.method && <input type="hidden" name="method" value={params.method} />}
          {params.assignee !== "any" && <input type="hidden" name="assignee" value={params.assignee} />}
          <label htmlFor="queue-search" className="sr-only">
            {t("search")}
          </label>
          <Input id="queue-search" name="q" type="search" defaultValue={params.q ?? ""} placeholder={t("searchPlaceholder")} maxLength={100} />
          <Button type="submit" variant="secondary">
            {t("searchButton")}
          </Button>
        </form>
        <label className="text-sm">
          <span className="mb-1 block text-xs font-medium text-slate-600">{t("method")}</span>
          <Select value={params.method ?? ""} onChange={(e) => go({ method: (e.target.value || undefined) as TicketQueueParams["method"] })} className="w-40">
            <option value="">{t("anyMethod")}</option>
            <option value="CSV">{tm("CSV")}</option>
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
        {(params.q || params.status.length > 0 || params.method || params.assignee !== "any") && (
          <ButtonLink href="/support/tickets" variant="ghost">
            {t("clear")}
          </ButtonLink>
        )}
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
        <DataTable
          columns={columns}
          data={data.rows}
          getRowId={(row) => row.id}
          rowSelection={selection}
          onRowSelectionChange={setSelection}
          caption={t("caption")}
          empty={<EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>}
        />
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-4 py-3 text-sm">
          <p className="text-slate-600">{t("showing", { from, to, count: data.count })}</p>
          <div className="flex items-center gap-2">
            <label className="flex items-center gap-2 whitespace-nowrap text-slate-600">
              {t("perPage")}
              <Select value={params.perPage} onChange={(e) => go({ perPage: Number(e.target.value) })} className="h-8 w-20 py-0">
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
              <span className="px-2 tabular-nums text-slate-600">{t("page", { page: data.page, total: data.totalPages })}</span>
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
