import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { listHelpArticles, type HelpLocale } from "@/lib/help/help-articles";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("help");

export default async function HelpIndexPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const q = String((await searchParams).q ?? "").slice(0, 100);
  const [t, format, locale] = await Promise.all([getTranslations("help"), getFormatter(), getLocale()]);
  const articles = await listHelpArticles({ locale: locale as HelpLocale, query: q });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-2 text-slate-600">{t("intro")}</p>
      </div>
      <form role="search" action="/help" className="flex gap-2">
        <label htmlFor="help-search" className="sr-only">
          {t("search")}
        </label>
        <Input id="help-search" type="search" name="q" defaultValue={q} placeholder={t("searchPlaceholder")} className="min-w-0 flex-1" />
        <Button type="submit" variant="secondary">
          {t("searchButton")}
        </Button>
      </form>
      {q && <p className="text-sm text-slate-600">{articles.length ? t("results", { count: articles.length }) : t("noResults", { query: q })}</p>}
      <ul className="space-y-3">
        {articles.map((a) => (
          <li key={a.slug} className="rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm hover:border-brand-300">
            <Link href={`/help/${a.slug}`} className="text-lg font-semibold text-brand-700 hover:underline">
              {a.title}
            </Link>
            <p className="mt-1 text-sm text-slate-700">{a.excerpt}</p>
            <p className="mt-2 text-xs text-slate-500">{t("updated", { date: format.dateTime(a.updatedAt, { dateStyle: "long" }) })}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
