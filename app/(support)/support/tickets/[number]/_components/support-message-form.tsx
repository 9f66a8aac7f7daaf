"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { supportMessageAction } from "@/app/(support)/support/tickets/[number]/actions";
import { REPLY_MAX } from "@/lib/tickets/reply-to-ticket.schema";
import { Alert } from "@/components/ui/alert";
import { Field, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToast } from "@/components/ui/toast";
import { useActionSuccess } from "@/components/ui/use-action-success";
import { cn } from "@/components/ui/cn";

/** A public reply to the requester, or an internal note only staff see. */
export function SupportMessageForm({ number, version }: { number: string; version: number }) {
  const t = useTranslations("supportTicket.message");
  const [state, formAction] = useActionState(supportMessageAction, null);
  const [visibility, setVisibility] = useState<"public" | "internal">("public");
  const form = useRef<HTMLFormElement>(null);
  const toast = useToast();
  useActionSuccess(state, () => {
    form.current?.reset();
    toast.show(t("sent"));
  });
  const fieldError = state && !state.ok ? state.fieldErrors?.body?.[0] : undefined;
  return (
    <form ref={form} action={formAction} className={cn("space-y-3 rounded-lg p-1", visibility === "internal" && "bg-amber-50")}>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="version" value={version} />
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">{t("visibility")}</legend>
        {(["public", "internal"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="visibility" value={value} checked={visibility === value} onChange={() => setVisibility(value)} className="accent-brand-600" />
            {t(value)}
          </label>
        ))}
      </fieldset>
      {state && !state.ok && !fieldError && <Alert tone="danger">{state.message}</Alert>}
      <Field id="support-message" label={visibility === "internal" ? t("internalLabel") : t("publicLabel")} error={fieldError}>
        <Textarea id="support-message" name="body" rows={4} maxLength={REPLY_MAX} required />
      </Field>
      <SubmitButton pendingLabel={t("sending")}>{visibility === "internal" ? t("addNote") : t("sendReply")}</SubmitButton>
    </form>
  );
}
