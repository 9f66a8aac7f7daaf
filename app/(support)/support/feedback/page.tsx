import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireActor, SUPPORT_ROLES } from "@/lib/auth/session";
import { DATA_BACKUP_SLUG } from "@/lib/help/articles/data-backup";
import { getFeedbackView } from "@/lib/help/get-feedback-view";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { ReasonsChart, TrendChart } from "@/components/support/feedback-charts";
import { isUuid } from "@/lib/format/uuid";
import { isArticleSlug } from "@/lib/help/article-slug";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("feedback");

type Props = { searchParams: Promise<{ article?: string; revision?: string }> };

export default async function FeedbackPage({ searchParams }: Props) {
  await requireActor(SUPPORT_ROLES, "/support/feedback");
  const { article: slugParam, revision } = await searchParams;
  const slug = isArticleSlug(slugParam) ? slugParam : DATA_BACKUP_SLUG;
  const revisionId = isUuid(revision) ? revision : null;
  const [view, t, tr, format, locale] = await Promise.all([
    getFeedbackView({ slug, revisionId }),
    getTranslations("supportFeedback"),
    getTranslations("feedback.reasons"),
    getFormatter(),
    getLocale(),
  ]);
  if (!view) notFound();
  const { analytics: data, articles } = view;
  const title = (r: { titleEn: string; titlePl: string }) => (locale === "pl" ? r.titlePl : r.titleEn);
  const percent = (n: number | undefined) => (n === undefined ? "—" : format.number(n, { style: "percent", maximumFractionDigits: 0 }));
  const href = (s: string, rev?: string | null) => `/support/feedback?article=${s}${rev ? `&revision=${rev}` : ""}`;
  const total = data.total.yes + data.total.no;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        </div>
        {/* A file, not a page: a plain link, never prefetched or routed by the client. */}
        <a className={buttonClasses("secondary")} href={`/api/support/feedback/export?article=${slug}`} download>
          {t("export")}
        </a>
      </div>

      <nav aria-label={t("articles")} className="flex flex-wrap gap-2">
        {articles.map((a) => (
          <Link
            key={a.slug}
            href={href(a.slug)}
            aria-current={a.slug === slug ? "page" : undefined}
            className={`rounded-full border px-3 py-1.5 text-sm ${a.slug === slug ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {a.revisions[0] ? title(a.revisions[0]) : a.slug}
          </Link>
        ))}
      </nav>

      <Card>
        <CardHeader title={title(data.article)} description={t("revisionsHint")} />
        <CardBody className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("revisions")}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="py-2 pr-4 font-semibold">{t("revision")}</th>
                <th className="py-2 pr-4 text-right font-semibold">{t("votes")}</th>
                <th className="py-2 pr-4 text-right font-semibold">{t("yes")}</th>
                <th className="py-2 pr-4 text-right font-semibold">{t("no")}</th>
                <th className="py-2 pr-4 text-right font-semibold">{t("helpful")}</th>
                <th className="py-2 font-semibold">{t("interval")}</th>
              </tr>
            </thead>
            <tbody>
              {[...data.revisions].reverse().map((r) => (
                <tr key={r.revisionId} className={`border-b border-slate-100 ${r.revisionId === data.revisionId ? "bg-brand-50" : ""}`}>
                  <td className="py-2 pr-4">
                    <Link href={href(slug, r.revisionId)} className="font-medium text-brand-700 hover:underline">
                      {t("revisionName", { number: r.number })}
                    </Link>{" "}
                    <span className="text-slate-500">{format.dateTime(r.createdAt, { dateStyle: "medium" })}</span>
                    {r.number === data.revisions.length && (
                      <Badge tone="brand" className="ml-2">
                        {t("current")}
                      </Badge>
                    )}
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums">{format.number(r.yes + r.no)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{format.number(r.yes)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{format.number(r.no)}</td>
                  <td className="py-2 pr-4 text-right font-medium tabular-nums">{percent(r.wilson?.ratio)}</td>
                  <td className="py-2 tabular-nums text-slate-600">{r.wilson ? `${percent(r.wilson.low)} – ${percent(r.wilson.high)}` : t("noVotes")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-3 text-sm text-slate-600">
            {data.revisionId ? (
              <Link href={href(slug)} className="text-brand-700 hover:underline">
                {t("allRevisions")}
              </Link>
            ) : (
              t("showingAll")
            )}
          </p>
        </CardBody>
      </Card>

      <div className="grid gap-4 sm:grid-cols-3">
        <Card>
          <CardBody>
            <p className="text-sm text-slate-500">{t("helpful")}</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="helpful-ratio">
              {percent(data.total.wilson?.ratio)}
            </p>
            <p className="mt-1 text-sm text-slate-600">
              {data.total.wilson ? t("intervalText", { low: percent(data.total.wilson.low), high: percent(data.total.wilson.high), votes: format.number(total) }) : t("noVotes")}
            </p>
          </CardBody>
        </Card>
        <Card>
          <CardBody>
            <p className="text-sm text-slate-500">{t("votes")}</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums">{format.number(total)}</p>
            <p className="mt-1 text-sm text-slate-600">{t("yesNo", { yes: format.number(data.total.yes), no: format.number(data.total.no) })}</p>
          </CardBody>
        </Card>
        <Card>
          <CardBody>
            <p className="text-sm text-slate-500">{t("noThenRequest")}</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums">{format.number(data.noThenRequest.followed)}</p>
            <p className="mt-1 text-sm text-slate-600">{t("noThenRequestHint", { votes: format.number(data.noThenRequest.votes) })}</p>
          </CardBody>
        </Card>
      </div>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title={t("trend")} description={t("trendHint")} />
          <CardBody>
            <TrendChart data={data.trend} labels={{ yes: t("yes"), no: t("no"), helpful: t("helpfulShare") }} title={t("trend")} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("reasons")} description={t("reasonsHint")} />
          <CardBody>
            <ReasonsChart data={data.reasons.map((r) => ({ label: tr(r.reason as "TOO_SHORT"), count: r.count }))} label={t("reasons")} />
            <ul className="sr-only">
              {data.reasons.map((r) => (
                <li key={r.reason}>
                  {tr(r.reason as "TOO_SHORT")}: {r.count}
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      </div>

      <Card>
        <CardHeader title={t("comments")} description={t("commentsHint")} />
        <CardBody>
          {data.comments.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noComments")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label={t("comments")}>
              {data.comments.map((c) => (
                <li key={c.id} className="py-3 text-sm">
                  <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                    <Badge tone={c.helpful ? "success" : "danger"}>{c.helpful ? t("yes") : t("no")}</Badge>
                    <span>{format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}</span>
                    <span className="uppercase">{c.locale}</span>
                    {c.reasons.map((r) => (
                      <Badge key={r} tone="muted">
                        {tr(r as "TOO_SHORT")}
                      </Badge>
                    ))}
                  </div>
                  {/* Text, never HTML: React escapes it. */}
                  <p className="mt-1 whitespace-pre-wrap break-words text-slate-800">{c.comment}</p>
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
