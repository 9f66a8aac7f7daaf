// use-intl/core: the translator without React, so workers and scripts outside Next can render texts.
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import pl from "@/messages/pl.json";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locale";
import type { Translate } from "@/lib/notifications/notification-text";

const MESSAGES: Record<Locale, typeof en> = { en, pl };

/** The notification texts in a recipient's language, outside any request (the email worker, the outbox). */
export function notificationTranslator(locale: string): { locale: Locale; t: Translate } {
  const chosen = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const translator = createTranslator({ locale: chosen, messages: MESSAGES[chosen], namespace: "notifications" });
  return { locale: chosen, t: (key, params) => (translator as unknown as Translate)(key, params) };
}
