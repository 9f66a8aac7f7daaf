import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { isSupportRole } from "@/lib/auth/roles";
import { getActor } from "@/lib/auth/session";
import { DATA_BACKUP_SLUG } from "@/lib/help/articles/data-backup";
import { findVote } from "@/lib/help/cast-vote";
import { getHelpArticle, type HelpLocale } from "@/lib/help/help-articles";
import { renderMarkdown } from "@/lib/help/markdown";
import { readVisitorCookie, VISITOR_COOKIE } from "@/lib/help/visitor-cookie";
import { ButtonLink } from "@/components/ui/button";
import { FeedbackWidget, type WidgetStep } from "@/components/help/feedback-widget";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ feedback?: string }> };

async function load(slug: string) {
  return getHelpArticle({ slug, locale: (await getLocale()) as HelpLocale });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load((await params).slug);
  return { title: article?.title ?? "Help" };
}

export default async function HelpArticlePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const article = await load(slug);
  if (!article) notFound();
  const [t, te, format, actor, { feedback }] = await Promise.all([getTranslations("help"), getTranslations("errors.codes"), getFormatter(), getActor(), searchParams]);
  const { html, headings } = renderMarkdown(article.body);

  // The widget starts where this visitor left it: their saved vote, or the step a plain form asked for.
  const visitor = readVisitorCookie((await cookies()).get(VISITOR_COOKIE)?.value, process.env.NEXTAUTH_SECRET ?? "");
  const vote = visitor && visitor !== "forged" ? await findVote({ revisionId: article.revision.id, visitorId: visitor }) : null;
  const errorCode = feedback?.startsWith("error-") ? feedback.slice(6) : null;
  const step: WidgetStep = feedback === "no" ? "reasons" : feedback === "change" || errorCode ? "ask" : vote ? "thanks" : "ask";

  const request =
    actor?.role === "ACCOUNT_ADMIN" ? (
      <ButtonLink href="/recovery/new">{t("requestButton")}</ButtonLink>
    ) : actor && isSupportRole(actor.role) ? (
      <p className="text-sm text-slate-600">{t("requestSupport")}</p>
    ) : actor ? (
      <p className="text-sm text-slate-600">{t("requestNotAdmin")}</p>
    ) : (
      <div className="space-y-2">
        <ButtonLink href={`/login?callbackUrl=${encodeURIComponent("/recovery/new")}`}>{t("requestButton")}</ButtonLink>
        <p className="text-sm text-slate-600">{t("requestSignedOut")}</p>
      </div>
    );

  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_16rem]">
      <article className="min-w-0 space-y-6">
        <div>
          <p className="text-sm">
            <Link href="/help" className="text-brand-700 hover:underline">
              ← {t("back")}
            </Link>
          </p>
          <h1 className="mt-2 text-3xl font-semibold tracking-tight text-slate-900">{article.title}</h1>
          <p className="mt-2 text-sm text-slate-500">
            {t("updated", { date: format.dateTime(article.revision.createdAt, { dateStyle: "long" }) })} · {t("revision", { number: article.revision.number })}
            {actor && isSupportRole(actor.role) && (
              <>
                {" · "}
                <Link href={`/support/help/${slug}/edit`} className="text-brand-700 hover:underline">
                  {t("edit")}
                </Link>
              </>
            )}
          </p>
        </div>
        <div className="help-prose" dangerouslySetInnerHTML={{ __html: html }} />
        <div className="max-w-[46rem] rounded-xl border border-brand-100 bg-brand-50/60 px-5 py-4">{request}</div>
        <div className="max-w-[46rem]">
        <FeedbackWidget
          slug={slug}
          revisionId={article.revision.id}
          step={step}
          helpful={vote?.helpful ?? null}
          reasons={vote?.reasons ?? []}
          comment={vote?.comment ?? ""}
          error={errorCode ? (te.has(errorCode) ? te(errorCode, { minutes: 10 }) : te("invalidForm")) : null}
          offerRequest={slug === DATA_BACKUP_SLUG}
        />
        </div>
      </article>
      {headings.length > 0 && (
        <aside className="hidden lg:block">
          <nav aria-label={t("contents")} className="sticky top-20 space-y-2 text-sm">
            <p className="font-semibold text-slate-900">{t("contents")}</p>
            <ul className="space-y-1.5 border-l border-slate-200">
              {headings.map((h) => (
                <li key={h.id}>
                  <a href={`#${h.id}`} className="-ml-px block border-l border-transparent pl-3 text-slate-600 hover:border-brand-500 hover:text-brand-700">
                    {h.text}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </aside>
      )}
    </div>
  );
}
