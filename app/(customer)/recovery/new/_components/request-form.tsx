"use client";

import { useActionState, useState, type FormEvent } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { createRestoreRequestAction } from "@/app/(customer)/recovery/new/actions";
import { DESCRIPTION_MAX, DESCRIPTION_MIN, ZCreateRestoreRequestInput } from "@/lib/tickets/create-restore-request.schema";
import { Alert } from "@/components/ui/alert";
import { Checkbox, Field, Select, Textarea } from "@/components/ui/field";
import { RadioGroup } from "@/components/ui/radio-group";
import { SubmitButton } from "@/components/ui/submit-button";
import { SnapshotCounts } from "@/components/recovery/snapshot-counts";
import { rewritesExistingData, ZSelection, type Selection } from "@/lib/selective-restore/selection";
import type { PickedRecordsPrefill } from "@/lib/backups/get-picked-records";
import { ChangePreview } from "@/app/(customer)/recovery/new/_components/change-preview";
import { SelectionFields } from "@/app/(customer)/recovery/new/_components/selection-fields";

export type DateOption = { date: string; takenAt: string; rowCounts: Record<string, number> };

type FieldErrors = Record<string, string[] | undefined>;

/** Filled in from a loss alert ("Review and restore"). */
export type RequestPrefill = { alertId: string; method: "CSV" | "FULL" | "SELECTIVE"; selection: Selection | null; date: string; title: string; body: string };

const NO_SELECTION: Selection = { scope: "TYPES", types: [], withRelated: true, mode: "MISSING" };
/** Something is chosen when the server would take the selection (the same schema). */
const isChosen = (selection: Selection) => ZSelection.safeParse(selection).success;

export function RequestForm({
  dates,
  csvAvailable,
  requestKey,
  timeZone,
  prefill,
  picked,
}: {
  dates: DateOption[];
  csvAvailable: boolean;
  requestKey: string;
  timeZone: string;
  prefill?: RequestPrefill | null;
  /** Records picked in the backup browser, with the backup's date: a selective restore of exactly those. */
  picked?: PickedRecordsPrefill | null;
}) {
  const t = useTranslations("requestForm");
  const tErr = useTranslations("errors.codes");
  const format = useFormatter();
  const [state, formAction] = useActionState(createRestoreRequestAction, null);
  const tLoss = useTranslations("lossAlerts");
  const [method, setMethod] = useState<string | undefined>(picked ? "SELECTIVE" : (prefill?.method ?? (csvAvailable ? undefined : "FULL")));
  const [selection, setSelection] = useState<Selection>(picked?.selection ?? prefill?.selection ?? NO_SELECTION);
  // The backup from before the loss (or the one the records were picked in), when it is still one of the dates offered.
  const initialDate = picked?.date ?? prefill?.date;
  const [date, setDate] = useState(initialDate && dates.some((d) => d.date === initialDate) ? initialDate : "");
  const [description, setDescription] = useState("");
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const serverErrors: FieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errors = { ...serverErrors, ...clientErrors };
  const error = (field: string) => errors[field]?.[0];
  const selected = dates.find((d) => d.date === date);
  const dateLabel = (d: DateOption) =>
    format.dateTime(new Date(`${d.date}T12:00:00Z`), { dateStyle: "full", timeZone: "UTC" }) +
    ` — ${t("backupAt", { time: format.dateTime(new Date(d.takenAt), { timeStyle: "short", timeZone }) })}`;

  // The same schema as the server: what passes here is what the server accepts.
  function validate(event: FormEvent<HTMLFormElement>) {
    const data = Object.fromEntries(new FormData(event.currentTarget).entries());
    const parsed = ZCreateRestoreRequestInput.safeParse(data);
    if (parsed.success) {
      setClientErrors({});
      return;
    }
    event.preventDefault();
    const found: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "_");
      found[key] ??= [tErr.has(issue.message) ? tErr(issue.message) : issue.message];
    }
    setClientErrors(found);
  }

  return (
    <form action={formAction} onSubmit={validate} className="space-y-8" noValidate>
      <input type="hidden" name="requestKey" value={requestKey} />
      {prefill && (
        <>
          <input type="hidden" name="lossAlertId" value={prefill.alertId} />
          <Alert tone="warning" title={tLoss("prefillTitle")}>
            <p className="font-medium">{prefill.title}</p>
            <p>{prefill.body}</p>
            <p>{tLoss("prefillHint")}</p>
          </Alert>
        </>
      )}
      {state && !state.ok && !state.fieldErrors && <Alert tone="danger">{state.message}</Alert>}

      <RadioGroup
        name="method"
        legend={t("method")}
        value={method}
        onChange={setMethod}
        error={error("method")}
        options={[
          {
            value: "CSV",
            label: t("csv.label"),
            description: t("csv.description"),
            disabled: !csvAvailable,
            disabledReason: t("csv.disabled"),
          },
          { value: "SELECTIVE", label: t("selective.label"), description: t("selective.description") },
          { value: "FULL", label: t("full.label"), description: t("full.description") },
        ]}
      />
      <input type="hidden" name="selection" value={method === "SELECTIVE" ? JSON.stringify(selection) : ""} />
      {method === "SELECTIVE" && <SelectionFields value={selection} onChange={setSelection} picked={picked ?? null} error={error("selection")} />}

      {method === "FULL" && (
        <Alert tone="danger" title={t("full.warningTitle")}>
          <p>{selected ? t("full.warningDate", { date: dateLabel(selected) }) : t("full.warning")}</p>
        </Alert>
      )}

      <div className="space-y-3">
        <Field id="restoreDate" label={t("date")} hint={t("dateHint")} error={error("restoreDate")}>
          <Select
            id="restoreDate"
            name="restoreDate"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={!!error("restoreDate")}
            aria-describedby={error("restoreDate") ? "restoreDate-error" : "restoreDate-hint"}
          >
            <option value="">{t("datePlaceholder")}</option>
            {dates.map((d) => (
              <option key={d.date} value={d.date}>
                {dateLabel(d)}
              </option>
            ))}
          </Select>
        </Field>
        {selected && (
          <div className="rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="snapshot-counts">
            <p className="mb-2 text-sm font-medium text-slate-700">{t("countsTitle")}</p>
            <SnapshotCounts rowCounts={selected.rowCounts} />
          </div>
        )}
      </div>

      {date && method === "CSV" && (
        <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700" data-testid="change-preview">
          <h2 className="mb-1 font-semibold text-slate-900">{t("preview.title")}</h2>
          <p>{t("preview.csv")}</p>
        </section>
      )}
      {date && (method === "FULL" || (method === "SELECTIVE" && isChosen(selection))) && (
        <ChangePreview choice={{ method, restoreDate: date, selection: method === "SELECTIVE" ? selection : null }} timeZone={timeZone} />
      )}

      <Field
        id="description"
        label={t("description")}
        hint={t("descriptionHint", { min: DESCRIPTION_MIN, length: description.trim().length, max: DESCRIPTION_MAX })}
        error={error("description")}
      >
        <Textarea
          id="description"
          name="description"
          rows={5}
          maxLength={DESCRIPTION_MAX}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          placeholder={t("descriptionPlaceholder")}
          aria-invalid={!!error("description")}
          aria-describedby={error("description") ? "description-error" : "description-hint"}
        />
      </Field>
      <p className="-mt-6 text-xs text-slate-500">{t("significantLoss")}</p>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-medium text-slate-800">{t("acknowledgements")}</legend>
        {(method === "FULL" || method === "SELECTIVE") && rewritesExistingData(method, selection) && (
          <Checkbox name="ackDataLoss" label={t(method === "FULL" ? "ackDataLoss" : "ackSelectiveDataLoss")} error={error("ackDataLoss")} />
        )}
        <Checkbox name="ackAllUsers" label={t("ackAllUsers")} error={error("ackAllUsers")} />
      </fieldset>

      <div className="flex items-center gap-3">
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
        <p className="text-xs text-slate-500">{t("afterSubmit")}</p>
      </div>
    </form>
  );
}
