"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { supportMessageAction } from "@/app/(support)/support/tickets/[number]/actions";
import { REPLY_MAX } from "@/lib/tickets/reply-to-ticket.schema";
import { Alert } from "@/components/ui/alert";
import { Field, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToast } from "@/components/ui/toast";
import { useActionSuccess } from "@/components/ui/use-action-success";
import { useKeptDraft } from "@/components/ui/use-kept-draft";
import { cn } from "@/components/ui/cn";
import { AttachmentField } from "@/components/tickets/attachment-field";
import type { CannedReplyChoices } from "@/lib/canned-replies/canned-reply-template";
import { CannedReplyPicker } from "@/app/(support)/support/tickets/[number]/_components/canned-reply-picker";
import { useTicketChanged } from "@/app/(support)/support/tickets/[number]/_components/ticket-presence";

/**
 * A public reply to the requester, or an internal note only staff see, with
 * files. While the ticket has changed since the page loaded, sending is held
 * (the text stays) until the agent has looked at the changes.
 */
export function SupportMessageForm({
  number,
  version,
  cannedReplies,
  waitingUploads,
}: {
  number: string;
  version: number;
  cannedReplies: CannedReplyChoices;
  waitingUploads: { id: string; fileName: string; sizeBytes: number }[];
}) {
  const t = useTranslations("supportTicket.message");
  const tp = useTranslations("presence");
  const [state, formAction] = useActionState(supportMessageAction, null);
  const [visibility, setVisibility] = useState<"public" | "internal">("public");
  const [sent, setSent] = useState(0);
  const [uploading, setUploading] = useState(false);
  const [held, setHeld] = useState(false);
  const changed = useTicketChanged();
  const form = useRef<HTMLFormElement>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const toast = useToast();
  useKeptDraft(body, state);
  useActionSuccess(state, () => {
    form.current?.reset();
    setSent((n) => n + 1);
    toast.show(t("sent"));
  });
  useEffect(() => {
    if (!changed) setHeld(false);
  }, [changed]);
  const fieldError = state && !state.ok ? state.fieldErrors?.body?.[0] : undefined;
  return (
    <form
      ref={form}
      action={formAction}
      data-presence-typing
      onSubmit={(event) => {
        if (!changed) return;
        event.preventDefault();
        setHeld(true);
      }}
      className={cn("space-y-3 rounded-lg p-1", visibility === "internal" && "bg-amber-50")}
    >
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="version" value={version} />
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">{t("visibility")}</legend>
        {(["public", "internal"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="visibility" value={value} data-shortcut={value === "public" ? "reply" : "note"} checked={visibility === value} onChange={() => setVisibility(value)} className="accent-brand-600" />
            {t(value)}
          </label>
        ))}
      </fieldset>
      {held && changed && <Alert tone="warning">{tp("held")}</Alert>}
      {state && !state.ok && !fieldError && !held && <Alert tone="danger">{state.message}</Alert>}
      <Field id="support-message" label={visibility === "internal" ? t("internalLabel") : t("publicLabel")} error={fieldError}>
        <Textarea ref={body} id="support-message" data-shortcut="message-body" name="body" rows={4} maxLength={REPLY_MAX} required />
      </Field>
      <AttachmentField ticketNumber={number} waiting={waitingUploads} clearKey={sent} onBusyChange={setUploading} />
      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton pendingLabel={t("sending")} disabled={uploading}>
          {visibility === "internal" ? t("addNote") : t("sendReply")}
        </SubmitButton>
        <CannedReplyPicker choices={cannedReplies} textarea={body} />
      </div>
    </form>
  );
}
