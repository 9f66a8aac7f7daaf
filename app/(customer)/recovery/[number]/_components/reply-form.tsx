"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { replyAction } from "@/app/(customer)/recovery/[number]/actions";
import { REPLY_MAX } from "@/lib/tickets/reply-to-ticket.schema";
import { Alert } from "@/components/ui/alert";
import { Field, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToast } from "@/components/ui/toast";
import { useActionSuccess } from "@/components/ui/use-action-success";
import { AttachmentField } from "@/components/tickets/attachment-field";
import { useKeptDraft } from "@/components/ui/use-kept-draft";

export function ReplyForm({ number, version, needsInfo, waitingUploads }: { number: string; version: number; needsInfo: boolean; waitingUploads: { id: string; fileName: string; sizeBytes: number }[] }) {
  const t = useTranslations("ticket");
  const [state, formAction] = useActionState(replyAction, null);
  const form = useRef<HTMLFormElement>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const toast = useToast();
  const [sent, setSent] = useState(0);
  const [uploading, setUploading] = useState(false);
  useKeptDraft(body, state);
  useActionSuccess(state, () => {
    form.current?.reset();
    setSent((n) => n + 1);
    toast.show(t("replySent"));
  });
  const fieldError = state && !state.ok ? state.fieldErrors?.body?.[0] : undefined;
  return (
    <form ref={form} action={formAction} className="space-y-3">
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="version" value={version} />
      {state && !state.ok && !fieldError && <Alert tone="danger">{state.message}</Alert>}
      <Field id="reply" label={needsInfo ? t("answerLabel") : t("replyLabel")} error={fieldError}>
        <Textarea ref={body} id="reply" name="body" rows={4} maxLength={REPLY_MAX} required aria-invalid={!!fieldError} />
      </Field>
      <AttachmentField ticketNumber={number} waiting={waitingUploads} clearKey={sent} onBusyChange={setUploading} />
      <SubmitButton pendingLabel={t("sending")} disabled={uploading}>{needsInfo ? t("sendAnswer") : t("sendReply")}</SubmitButton>
    </form>
  );
}
