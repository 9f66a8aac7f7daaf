"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveEmailPreferencesAction } from "@/app/actions/notifications";
import { Alert } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

/** One checkbox per kind the person can receive; the server saves exactly the ticked ones. */
export function EmailPreferencesForm({ preferences }: { preferences: { kind: NotificationKind; email: boolean }[] }) {
  const t = useTranslations("notifications");
  const [state, formAction] = useActionState(saveEmailPreferencesAction, null);
  return (
    <form action={formAction} className="space-y-4">
      <fieldset className="space-y-3">
        <legend className="sr-only">{t("preferences.email")}</legend>
        {preferences.map((preference) => (
          <Checkbox key={preference.kind} name="email" value={preference.kind} defaultChecked={preference.email} label={t(`kinds.${preference.kind}.label`)} />
        ))}
      </fieldset>
      {state && !state.ok && <Alert tone="danger">{state.message}</Alert>}
      {state?.ok && (
        <Alert tone="success">
          {t("preferences.saved")}
        </Alert>
      )}
      <SubmitButton>{t("preferences.save")}</SubmitButton>
    </form>
  );
}
