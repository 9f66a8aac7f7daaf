"use client";

import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createCannedReplyAction, updateCannedReplyAction } from "@/app/(support)/support/canned-replies/actions";
import type { ActionResult } from "@/lib/actions/define-action";
import { CANNED_REPLY_VARIABLES, variableToken } from "@/lib/canned-replies/canned-reply-template";
import { CANNED_BODY_MAX, CANNED_TITLE_MAX } from "@/lib/canned-replies/canned-reply.schema";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locale";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useActionSuccess } from "@/components/ui/use-action-success";

type Reply = { id: string; locale: string; title: string; body: string };

/** Creates a canned reply, or edits `reply`; the variables can be inserted at the cursor with one click. */
export function CannedReplyForm({ reply, defaultLocale }: { reply: Reply | null; defaultLocale: string }) {
  const t = useTranslations("cannedReplies");
  const router = useRouter();
  const toast = useToast();
  const save: (previous: ActionResult<{ id: string }> | null, data: FormData) => Promise<ActionResult<{ id: string }>> = reply ? updateCannedReplyAction : createCannedReplyAction;
  const [state, formAction, pending] = useActionState(save, null);
  // Controlled, so a refused save keeps what support typed.
  const [locale, setLocale] = useState(reply?.locale ?? defaultLocale);
  const [title, setTitle] = useState(reply?.title ?? "");
  const [body, setBody] = useState(reply?.body ?? "");
  const bodyField = useRef<HTMLTextAreaElement>(null);
  // Dispatched by hand: React resets a form after its action, which would empty the fields of a refused save.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  useActionSuccess(state, () => {
    toast.show(t("saved"));
    if (reply) router.push("/support/canned-replies");
    else {
      setTitle("");
      setBody("");
    }
  });
  const insert = (token: string) => {
    const field = bodyField.current;
    const start = field?.selectionStart ?? body.length;
    const end = field?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + token + body.slice(end));
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const shownBesideField = !!(errors.locale || errors.title || errors.body);
  return (
    <form action={formAction} onSubmit={submit} aria-label={reply ? t("editTitle", { title: reply.title }) : t("newTitle")} className="space-y-4" noValidate>
      {reply && <input type="hidden" name="id" value={reply.id} />}
      {state && !state.ok && !shownBesideField && <Alert tone="danger">{state.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
        <Field id="canned-locale" label={t("language")} error={errors.locale}>
          <Select id="canned-locale" name="locale" value={locale} onChange={(e) => setLocale(e.target.value)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="canned-title" label={t("titleLabel")} error={errors.title}>
          <Input id="canned-title" name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={CANNED_TITLE_MAX} aria-invalid={!!errors.title} required />
        </Field>
      </div>
      <Field id="canned-body" label={t("bodyLabel")} hint={t("bodyHint")} error={errors.body}>
        <Textarea
          ref={bodyField}
          id="canned-body"
          name="body"
          rows={8}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          maxLength={CANNED_BODY_MAX}
          aria-invalid={!!errors.body}
          aria-describedby={errors.body ? "canned-body-error" : "canned-body-hint"}
          required
        />
      </Field>
      <div>
        <p id="canned-variables" className="text-sm font-medium text-slate-800">
          {t("variablesTitle")}
        </p>
        <ul aria-labelledby="canned-variables" className="mt-2 grid gap-2 sm:grid-cols-2">
          {CANNED_REPLY_VARIABLES.map((name) => (
            <li key={name} className="flex min-w-0 items-start gap-2 text-sm">
              <Button variant="secondary" size="sm" className="font-mono" onClick={() => insert(variableToken(name))} aria-label={t("insertVariable", { token: variableToken(name) })}>
                {variableToken(name)}
              </Button>
              <span className="min-w-0 pt-1.5 text-slate-600">{t(`variables.${name}`)}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : reply ? t("saveChanges") : t("create")}
        </Button>
      </div>
    </form>
  );
}
