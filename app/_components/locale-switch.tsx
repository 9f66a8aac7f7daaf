"use client";

import { useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { setLocaleAction } from "@/app/actions/locale";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locale";
import { cn } from "@/components/ui/cn";

export function LocaleSwitch() {
  const current = useLocale();
  const t = useTranslations("nav");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("language")} className="flex overflow-hidden rounded-md border border-slate-300 text-xs font-semibold">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-label={LOCALE_NAMES[locale]}
          title={LOCALE_NAMES[locale]}
          aria-pressed={current === locale}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocaleAction({ locale });
              router.refresh();
            })
          }
          className={cn("px-2.5 py-1 uppercase", current === locale ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-100")}
        >
          {locale}
        </button>
      ))}
    </div>
  );
}
