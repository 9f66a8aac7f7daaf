import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor, SUPPORT_ROLES } from "@/lib/auth/session";
import { ArticleEditor } from "@/app/(support)/support/help/[slug]/edit/_components/article-editor";
import { getArticleForEditing } from "@/lib/help/get-article-for-editing";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("editArticle");

export default async function EditArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireActor(SUPPORT_ROLES, `/support/help/${slug}/edit`);
  const latest = await getArticleForEditing(slug);
  if (!latest) notFound();
  const t = await getTranslations("articleEditor");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro", { number: latest.number })}</p>
      </div>
      <ArticleEditor slug={slug} baseRevision={latest.number} initial={{ titleEn: latest.titleEn, titlePl: latest.titlePl, bodyEn: latest.bodyEn, bodyPl: latest.bodyPl }} />
    </div>
  );
}
