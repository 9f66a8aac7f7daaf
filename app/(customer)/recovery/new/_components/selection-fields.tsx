"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/field";
import { RadioGroup } from "@/components/ui/radio-group";
import type { PickedRecordsPrefill } from "@/lib/backups/get-picked-records";
import { SELECTIVE_MODES, SELECTIVE_TYPES, TYPES_WITH_RELATED, type Selection, type SelectiveType } from "@/lib/selective-restore/selection";

const PICKED_SHOWN = 8;

/** A selective restore's what (data types, or the records picked in a backup) and how (one of three modes). */
export function SelectionFields({
  value,
  onChange,
  picked,
  error,
}: {
  value: Selection;
  onChange: (selection: Selection) => void;
  picked: PickedRecordsPrefill | null;
  error?: string;
}) {
  const t = useTranslations("requestForm.selective");
  const tt = useTranslations("tables");
  const types = value.scope === "TYPES" ? value.types : [];
  const chosenTypes: string[] = value.scope === "TYPES" ? types : Object.keys(value.records);
  const hasRelated = chosenTypes.some((type) => (TYPES_WITH_RELATED as readonly string[]).includes(type));
  const toggle = (type: SelectiveType, on: boolean) =>
    onChange({ ...value, scope: "TYPES", types: on ? SELECTIVE_TYPES.filter((x) => x === type || types.includes(x)) : types.filter((x) => x !== type) });

  return (
    <div className="space-y-5 rounded-lg border border-slate-200 bg-slate-50 p-4">
      {value.scope === "RECORDS" && picked ? (
        <div className="space-y-2 text-sm">
          <p className="font-medium text-slate-800">{t("pickedTitle", { count: picked.records.length })}</p>
          <ul className="list-disc space-y-0.5 pl-5 text-slate-700">
            {picked.records.slice(0, PICKED_SHOWN).map((record) => (
              <li key={record.id} className="break-words">
                {record.label} <span className="text-slate-500">({tt(record.type)})</span>
              </li>
            ))}
          </ul>
          {picked.records.length > PICKED_SHOWN && <p className="text-slate-600">{t("pickedMore", { count: picked.records.length - PICKED_SHOWN })}</p>}
          <Link href={`/recovery/backups/${picked.backupId}`} className="text-brand-700 hover:underline">
            {t("pickedChange")}
          </Link>
        </div>
      ) : (
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("what")}</legend>
          <p className="text-sm text-slate-600">{t("whatHint")}</p>
          <div className="grid gap-2 sm:grid-cols-2">
            {SELECTIVE_TYPES.map((type) => (
              <Checkbox key={type} label={tt(type)} checked={types.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
            ))}
          </div>
          {error && (
            <p className="text-sm text-red-700" role="alert" id="selection-error">
              {error}
            </p>
          )}
        </fieldset>
      )}
      {hasRelated && (
        <Checkbox label={t("withRelated")} checked={value.withRelated} onChange={(e) => onChange({ ...value, withRelated: e.target.checked })} />
      )}
      <RadioGroup
        name="selectionMode"
        legend={t("how")}
        value={value.mode}
        onChange={(mode) => onChange({ ...value, mode: mode as Selection["mode"] })}
        options={SELECTIVE_MODES.map((mode) => ({ value: mode, label: t(`mode.${mode}.label`), description: t(`mode.${mode}.description`) }))}
      />
    </div>
  );
}
