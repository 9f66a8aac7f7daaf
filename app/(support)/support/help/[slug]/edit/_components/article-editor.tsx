"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { saveArticleAction } from "@/app/(support)/support/help/[slug]/edit/actions";
import { ARTICLE_BODY_MAX, ARTICLE_TITLE_MAX } from "@/lib/help/save-article-revision.schema";
import { renderMarkdown } from "@/lib/help/markdown";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";

type Texts = { titleEn: string; titlePl: string; bodyEn: string; bodyPl: string };

/** Both languages side by side with a live preview; saving adds a revision. */
export function ArticleEditor({ slug, baseRevision, initial }: { slug: string; baseRevision: number; initial: Texts }) {
  const t = useTranslations("articleEditor");
  const router = useRouter();
  const [texts, setTexts] = useState(initial);
  const [lang, setLang] = useState<"En" | "Pl">("En");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (key: keyof Texts) => (e: { target: { value: string } }) => setTexts((x) => ({ ...x, [key]: e.target.value }));
  const preview = renderMarkdown(texts[`body${lang}`]).html;

  function save() {
    startTransition(async () => {
      const result = await saveArticleAction({ slug, baseRevision, ...texts });
      if (result.ok) router.push(`/help/${slug}`);
      else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message);
      }
    });
  }

  return (
    <div className="space-y-4">
      <div role="tablist" aria-label={t("language")} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
        {(["En", "Pl"] as const).map((l) => (
          <button key={l} role="tab" aria-selected={lang === l} onClick={() => setLang(l)} className={`rounded px-3 py-1 text-sm font-medium ${lang === l ? "bg-slate-900 text-white" : "text-slate-700"}`}>
            {t(`lang${l}`)}
          </button>
        ))}
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <div className="space-y-4">
          <Field id={`title${lang}`} label={t("articleTitle")} error={errors[`title${lang}`]?.[0]}>
            <Input id={`title${lang}`} value={texts[`title${lang}`]} onChange={set(`title${lang}`)} maxLength={ARTICLE_TITLE_MAX} />
          </Field>
          <Field id={`body${lang}`} label={t("body")} hint={t("bodyHint")} error={errors[`body${lang}`]?.[0]}>
            <Textarea id={`body${lang}`} value={texts[`body${lang}`]} onChange={set(`body${lang}`)} rows={24} maxLength={ARTICLE_BODY_MAX} className="font-mono text-xs" />
          </Field>
        </div>
        <section aria-label={t("preview")} className="rounded-xl border border-slate-200 bg-white px-5 py-4">
          <p className="mb-3 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("preview")}</p>
          <h2 className="mb-4 text-2xl font-semibold">{texts[`title${lang}`]}</h2>
          <div className="help-prose" dangerouslySetInnerHTML={{ __html: preview }} />
        </section>
      </div>
      {message && <Alert tone="danger">{message}</Alert>}
      <div className="flex gap-2">
        <Button onClick={save} disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <Button variant="ghost" onClick={() => router.push(`/help/${slug}`)}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
