"use client";

import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import type { RestoreMethod, TicketStatus } from "@/lib/generated/prisma/enums";
import { queueHref, sortDirection, type QueueSort, type TicketQueueParams } from "@/lib/tickets/ticket-queue-params";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import { BackupHoldBadge } from "@/components/tickets/backup-hold-badge";
import { TicketStatusBadge } from "@/components/tickets/ticket-status-badge";
import { TimerCell } from "@/components/tickets/timer-duration";
import type { ColumnMeta } from "@/components/ui/data-table";

export type QueueRow = {
  id: string;
  number: number;
  account: string;
  plan: string;
  method: RestoreMethod;
  restoreDate: string;
  status: TicketStatus;
  assignee: string | null;
  createdAt: string;
  backupExpiresAt: string | null;
  open: boolean;
  firstResponseAt: string | null;
  closedAt: string | null;
  /** Other staff with the ticket open right now. */
  staffOn: { name: string; typing: boolean }[];
};

/** "Someone is on it": the staff who have the ticket open, so two agents do not work it at once. */
function StaffOnTicket({ staff }: { staff: QueueRow["staffOn"] }) {
  const t = useTranslations("presence");
  const typing = staff.filter((s) => s.typing).map((s) => s.name);
  const names = staff.map((s) => s.name).join(", ");
  return (
    <span className="mt-1 flex items-center gap-1 whitespace-normal text-xs text-sky-800" data-testid="staff-on-ticket">
      <span aria-hidden className={typing.length ? "size-1.5 shrink-0 animate-pulse rounded-full bg-amber-500" : "size-1.5 shrink-0 rounded-full bg-emerald-500"} />
      {typing.length ? t("queueTyping", { names: typing.join(", ") }) : t("queueOn", { names })}
    </span>
  );
}

function SortHeader({ label, sort, params }: { label: string; sort: QueueSort; params: TicketQueueParams }) {
  const active = params.sort === sort;
  const dir = active ? sortDirection(params) : undefined;
  const next = active ? (dir === "asc" ? "desc" : "asc") : undefined;
  return (
    <Link href={queueHref(params, { sort, dir: next, page: 1 })} className="inline-flex items-center gap-1 hover:text-slate-900">
      {label}
      <span aria-hidden className={active ? "text-slate-900" : "text-slate-300"}>
        {dir === "desc" ? "↓" : "↑"}
      </span>
    </Link>
  );
}

function Age({ createdAt, now }: { createdAt: string; now: string }) {
  const format = useFormatter();
  return <span className="tabular-nums text-slate-600">{format.relativeTime(new Date(createdAt), new Date(now))}</span>;
}

function DateCell({ value, utc }: { value: string; utc?: boolean }) {
  const format = useFormatter();
  return (
    <>{format.dateTime(new Date(value), utc ? { dateStyle: "medium", timeZone: "UTC" } : { dateStyle: "medium", timeStyle: "short" })}</>
  );
}

export function useTicketColumns(params: TicketQueueParams, now: string): ColumnDef<QueueRow, unknown>[] {
  const t = useTranslations("support.columns");
  const tt = useTranslations("timers");
  const tm = useTranslations("recovery.method");
  const sorted = (sort: QueueSort, meta: ColumnMeta = {}): ColumnMeta => (params.sort === sort ? { ...meta, ariaSort: sortDirection(params) === "asc" ? "ascending" : "descending" } : meta);
  // At a laptop's width (below 2xl) the plan goes under the account and the age under the date: the table fits.
  const wide = "hidden 2xl:table-cell";
  return [
    {
      id: "select",
      header: ({ table }) => (
        <input
          type="checkbox"
          aria-label={t("selectAll")}
          className="size-4 accent-brand-600"
          checked={table.getIsAllRowsSelected()}
          onChange={table.getToggleAllRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={t("select", { number: formatTicketNumber(row.original.number) })}
          className="size-4 accent-brand-600"
          checked={row.getIsSelected()}
          disabled={!row.getCanSelect()}
          onChange={row.getToggleSelectedHandler()}
        />
      ),
    },
    {
      id: "number",
      header: () => <SortHeader label={t("ticket")} sort="number" params={params} />,
      meta: sorted("number"),
      cell: ({ row }) => (
        <>
          <Link href={`/support/tickets/${formatTicketNumber(row.original.number)}`} className="font-mono font-medium text-brand-700 hover:underline">
            {formatTicketNumber(row.original.number)}
          </Link>
          {row.original.staffOn.length > 0 && <StaffOnTicket staff={row.original.staffOn} />}
        </>
      ),
    },
    {
      id: "account",
      header: () => <SortHeader label={t("account")} sort="account" params={params} />,
      meta: sorted("account", { wrap: true, className: "min-w-36" }),
      cell: ({ row }) => (
        <>
          {row.original.account}
          <span className="block text-xs text-slate-500 2xl:hidden">{row.original.plan}</span>
        </>
      ),
    },
    { id: "plan", header: t("plan"), meta: { className: wide }, cell: ({ row }) => <span className="text-slate-600">{row.original.plan}</span> },
    { id: "method", header: t("method"), meta: { wrap: true }, cell: ({ row }) => tm(row.original.method) },
    {
      id: "restoreDate",
      header: () => <SortHeader label={t("restoreDate")} sort="restoreDate" params={params} />,
      meta: sorted("restoreDate"),
      cell: ({ row }) => <DateCell value={row.original.restoreDate} utc />,
    },
    {
      id: "status",
      header: () => <SortHeader label={t("status")} sort="status" params={params} />,
      meta: sorted("status"),
      cell: ({ row }) => <TicketStatusBadge status={row.original.status} />,
    },
    {
      id: "urgency",
      header: () => <SortHeader label={t("backup")} sort="urgency" params={params} />,
      meta: sorted("urgency"),
      cell: ({ row }) => <BackupHoldBadge backupExpiresAt={row.original.backupExpiresAt} open={row.original.open} now={now} />,
    },
    {
      id: "assignee",
      header: t("assignee"),
      meta: { wrap: true },
      cell: ({ row }) => row.original.assignee ?? <span className="text-slate-400">{t("unassigned")}</span>,
    },
    {
      id: "createdAt",
      header: () => <SortHeader label={t("created")} sort="createdAt" params={params} />,
      meta: sorted("createdAt"),
      cell: ({ row }) => (
        <>
          <DateCell value={row.original.createdAt} />
          <span className="block text-xs 2xl:hidden">
            <Age createdAt={row.original.createdAt} now={now} />
          </span>
          {/* Below 2xl the timers' own columns are hidden: the first response goes here (sorting by either is in the toolbar's Sort by). */}
          <span className="block text-xs text-slate-600 2xl:hidden">
            {tt("firstResponseShort")}: <TimerCell ticket={row.original} timer="firstResponse" now={now} compact />
          </span>
        </>
      ),
    },
    { id: "age", header: t("age"), meta: { className: wide }, cell: ({ row }) => <Age createdAt={row.original.createdAt} now={now} /> },
    // Wide screens only, like Plan and Age: at a laptop's width the table must fit without scrolling.
    {
      id: "firstResponse",
      header: () => <SortHeader label={tt("firstResponse")} sort="firstResponse" params={params} />,
      meta: sorted("firstResponse", { className: wide }),
      cell: ({ row }) => <TimerCell ticket={row.original} timer="firstResponse" now={now} />,
    },
    {
      id: "resolution",
      header: () => <SortHeader label={tt("resolution")} sort="resolution" params={params} />,
      meta: sorted("resolution", { className: wide }),
      cell: ({ row }) => <TimerCell ticket={row.original} timer="resolution" now={now} />,
    },
  ];
}
