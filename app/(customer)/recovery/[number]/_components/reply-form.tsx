"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { replyAction } from "@/app/(customer)/recovery/[number]/actions";
import { REPLY_MAX } from "@/lib/tickets/reply-to-ticket.schema";
import { Alert } from "@/components/ui/alert";
import { Field, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToast } from "@/components/ui/toast";
import { useActionSuccess } from "@/components/ui/use-action-success";

export function ReplyForm({ number, version, needsInfo }: { number: string; version: number; needsInfo: boolean }) {
  const t = useTranslations("ticket");
  const [state, formAction] = useActionState(replyAction, null);
  const form = useRef<HTMLFormElement>(null);
  const toast = useToast();
  useActionSuccess(state, () => {
    form.current?.reset();
    toast.show(t("replySent"));
  });
  const fieldError = state && !state.ok ? state.fieldErrors?.body?.[0] : undefined;
  return (
    <form ref={form} action={formAction} className="space-y-3">
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="version" value={version} />
      {state && !state.ok && !fieldError && <Alert tone="danger">{state.message}</Alert>}
      <Field id="reply" label={needsInfo ? t("answerLabel") : t("replyLabel")} error={fieldError}>
        <Textarea id="reply" name="body" rows={4} maxLength={REPLY_MAX} required aria-invalid={!!fieldError} />
      </Field>
      <SubmitButton pendingLabel={t("sending")}>{needsInfo ? t("sendAnswer") : t("sendReply")}</SubmitButton>
    </form>
  );
}
