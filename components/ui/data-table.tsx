"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowSelectionState } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** Per column: its sort state for assistive tech, and classes for its header and cells (e.g. hidden below a width). */
export type ColumnMeta = { ariaSort?: "ascending" | "descending"; className?: string; wrap?: boolean };
const metaOf = (meta: unknown) => (meta ?? {}) as ColumnMeta;

/**
 * The one table of the app, on TanStack Table. Sorting, paging and filtering
 * happen on the server (the URL drives them); this renders rows, headers and
 * row selection.
 */
export function DataTable<T>({
  columns,
  data,
  getRowId,
  rowSelection,
  onRowSelectionChange,
  empty,
  caption,
  activeRowId,
}: {
  columns: ColumnDef<T, unknown>[];
  data: T[];
  getRowId: (row: T) => string;
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: (next: RowSelectionState) => void;
  empty: ReactNode;
  caption?: string;
  /** The row the keyboard highlight is on (the support queue's j / k). */
  activeRowId?: string | null;
}) {
  const table = useReactTable({
    data,
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableRowSelection: !!onRowSelectionChange,
    state: { rowSelection: rowSelection ?? {} },
    onRowSelectionChange: (updater) => {
      const next = typeof updater === "function" ? updater(rowSelection ?? {}) : updater;
      onRowSelectionChange?.(next);
    },
  });
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={metaOf(header.column.columnDef.meta).ariaSort}
                  className={cn("px-2.5 py-2.5 text-left align-bottom text-xs font-semibold uppercase tracking-wide text-slate-600", metaOf(header.column.columnDef.meta).className)}
                >
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                aria-current={row.id === activeRowId ? "true" : undefined}
                className={cn("hover:bg-slate-50", row.getIsSelected() && "bg-brand-50/60", row.id === activeRowId && "bg-brand-50 outline-2 -outline-offset-2 outline-brand-500")}
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={cn("px-2.5 py-2.5 align-middle text-slate-800", !metaOf(cell.column.columnDef.meta).wrap && "whitespace-nowrap", metaOf(cell.column.columnDef.meta).className)}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
