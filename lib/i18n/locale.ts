/** UI languages (SPEC §9): Polish is the source market, English the default. */
export const LOCALES = ["en", "pl"] as const;

/** Each language by its own name, as a language menu says it (and a screen reader reads it, in that language). */
export const LOCALE_NAMES: Record<(typeof LOCALES)[number], string> = { en: "English", pl: "Polski" };
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The remembered choice wins; otherwise the browser's preference order
 * (Accept-Language with q-values), otherwise English.
 */
export function negotiateLocale(cookieValue: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  const preferences = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { language: tag.toLowerCase().split("-")[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((p) => p.language && p.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return preferences.map((p) => p.language).find(isLocale) ?? DEFAULT_LOCALE;
}
