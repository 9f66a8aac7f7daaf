"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

export type FieldRow = { field: string; backup: string | null; now: string | null; changed?: boolean };

/**
 * A record's fields, the backup's value beside today's: the changed ones
 * marked. Field names and values for people (a custom field by its code,
 * yes/no for flags, a dash for nothing).
 */
export function FieldTable({ rows, gone = false, compact = false }: { rows: FieldRow[]; gone?: boolean; compact?: boolean }) {
  const t = useTranslations("backups.record");
  const tf = useTranslations("fields");
  const tv = useTranslations("fieldValues");
  const name = (field: string) => (field.startsWith("customFields.") ? t("customField", { code: field.slice(13) }) : tf.has(field) ? tf(field) : field);
  const value = (v: string | null) => (v === null || v === "" ? tv("empty") : v === "true" ? tv("yes") : v === "false" ? tv("no") : v);
  const cell = compact ? "pr-2" : "py-2 pr-2";
  return (
    <table className={cn("w-full table-fixed", compact ? "mt-1 mb-2 text-xs" : "text-sm")}>
      <thead>
        <tr className={cn("text-left text-slate-500", compact ? "" : "border-b border-slate-200 text-xs")}>
          <th className={cn("w-[30%] font-medium", cell)}>{t("field")}</th>
          <th className={cn("font-medium", cell)}>{t("backup")}</th>
          <th className={cn("font-medium", cell)}>{t("now")}</th>
        </tr>
      </thead>
      <tbody className={compact ? undefined : "divide-y divide-slate-100"}>
        {rows.map((row) => (
          <tr key={row.field} className={cn("align-top", row.changed && "bg-amber-50")}>
            <td className={cn("break-words text-slate-600", cell)}>
              {name(row.field)}
              {row.changed && <span className="sr-only"> ({t("changed")})</span>}
            </td>
            <td className={cn("break-words", cell)}>{value(row.backup)}</td>
            <td className={cn("break-words", cell)}>{gone ? <span className="text-slate-500">{t("gone")}</span> : value(row.now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
