"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { saveLossThresholdsAction } from "@/app/(support)/support/settings/loss-detection/actions";
import type { LossThresholds } from "@/lib/loss-alerts/loss-rules";
import { Alert } from "@/components/ui/alert";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

type Scope = { scope: string; kind: "plan" | "account"; name: string };
const NUMBER_FIELDS = ["sharePercent", "minRecords", "anyRecords", "productSharePercent", "minTypeSize"] as const;

/**
 * Sets the thresholds for one plan or account. Choosing a scope fills the
 * fields with what applies to it now (its override, or the defaults), so
 * support edits from the current values.
 */
export function LossThresholdsForm({ scopes, current, defaults }: { scopes: Scope[]; current: Record<string, LossThresholds>; defaults: LossThresholds }) {
  const t = useTranslations("lossAlerts.settings");
  const [state, formAction, pending] = useActionState(saveLossThresholdsAction, null);
  // Dispatched by hand, not as the form's action: React resets a form after its
  // action, and a reset shows a controlled <select> at its placeholder while
  // the state still holds the chosen plan or account. (Without JavaScript the
  // form's action posts as usual.)
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  const [scope, setScope] = useState("");
  // Controlled, so a refused save keeps what support typed (React resets uncontrolled fields after an action).
  const textOf = (th: LossThresholds) => Object.fromEntries(NUMBER_FIELDS.map((n) => [n, String(th[n])])) as Record<(typeof NUMBER_FIELDS)[number], string>;
  const [values, setValues] = useState(() => textOf(defaults));
  const [customFieldAny, setCustomFieldAny] = useState(defaults.customFieldAny);
  const chooseScope = (next: string) => {
    setScope(next);
    const th = current[next] ?? defaults;
    setValues(textOf(th));
    setCustomFieldAny(th.customFieldAny);
  };
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} onSubmit={submit} className="space-y-4" noValidate>
      {state?.ok && <Alert tone="success">{t("saved")}</Alert>}
      {state && !state.ok && <Alert tone="danger">{state.message}</Alert>}
      <Field id="scope" label={t("scope")} error={errors.scope}>
        <Select id="scope" name="scope" value={scope} onChange={(e) => chooseScope(e.target.value)} aria-invalid={!!errors.scope}>
          <option value="">{t("scopePlaceholder")}</option>
          {(["plan", "account"] as const).map((kind) => (
            <optgroup key={kind} label={t(kind === "plan" ? "plans" : "accounts")}>
              {scopes
                .filter((s) => s.kind === kind)
                .map((s) => (
                  <option key={s.scope} value={s.scope}>
                    {s.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        {NUMBER_FIELDS.map((name) => (
          <Field key={name} id={name} label={t(name)} error={errors[name]}>
            <Input
              id={name}
              name={name}
              inputMode="decimal"
              value={values[name]}
              onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
              aria-invalid={!!errors[name]}
            />
          </Field>
        ))}
        <Checkbox name="customFieldAny" label={t("customFieldAny")} checked={customFieldAny} onChange={(e) => setCustomFieldAny(e.target.checked)} className="sm:col-span-2" />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
