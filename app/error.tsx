"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** A page failed on the server (e.g. the database went away mid-request): say so plainly, offer a retry. */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("serverError");
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
      <Button onClick={reset} variant="secondary" className="mt-6">
        {t("retry")}
      </Button>
    </div>
  );
}
