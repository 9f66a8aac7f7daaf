"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/define-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

/** What the form shows after an answer: the refusal, and the email typed (the form is reset). */
export type SignInState = (ActionResult<unknown> & { email?: string }) | null;
type SignInAction = (previous: SignInState, formData: FormData) => Promise<SignInState>;

/**
 * Posts to a server action: with JavaScript through React, without it as a
 * plain POST form (the page shows the answer) — the password never lands in a URL.
 */
export function LoginForm({ callbackUrl, action }: { callbackUrl: string; action: SignInAction }) {
  const t = useTranslations("login");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} method="post" className="space-y-4" noValidate>
      {state && !state.ok && <Alert tone="danger">{state.message}</Alert>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="email" label={t("email")}>
        <Input id="email" name="email" type="email" autoComplete="username" required maxLength={254} autoFocus defaultValue={state?.email} />
      </Field>
      <Field id="password" label={t("password")}>
        <Input id="password" name="password" type="password" autoComplete="current-password" required maxLength={200} />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
