import { getTranslations } from "next-intl/server";
import type { BackupRecordView } from "@/lib/backups/get-backup-record";
import { cn } from "@/components/ui/cn";
import { fieldValue } from "@/components/backups/field-value";

/** A backup record's fields beside their values now; the changed ones marked. */
export async function BackupRecordFields({ record }: { record: BackupRecordView }) {
  const t = await getTranslations("backups.record");
  const tf = await getTranslations("fields");
  const tv = await getTranslations("fieldValues");
  const name = (field: string) => (field.startsWith("customFields.") ? t("customField", { code: field.slice(13) }) : tf.has(field) ? tf(field) : field);
  return (
    <table className="w-full table-fixed text-sm">
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
          <th className="w-1/4 py-2 pr-2 font-medium">{t("field")}</th>
          <th className="py-2 pr-2 font-medium">{t("backup")}</th>
          <th className="py-2 font-medium">{t("now")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {record.fields.map((field) => (
          <tr key={field.field} className={cn("align-top", field.changed && "bg-amber-50")}>
            <td className="py-2 pr-2 break-words text-slate-600">
              {name(field.field)}
              {field.changed && <span className="sr-only"> ({t("changed")})</span>}
            </td>
            <td className="py-2 pr-2 break-words">{fieldValue(field.backup, tv)}</td>
            <td className="py-2 break-words">{record.status === "DELETED" ? <span className="text-slate-500">{t("gone")}</span> : fieldValue(field.now, tv)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
