import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor, SUPPORT_ROLES } from "@/lib/auth/session";
import { prisma } from "@/lib/db/prisma";
import { ArticleEditor } from "@/components/help/article-editor";
import { isArticleSlug } from "@/lib/help/article-slug";

export const metadata: Metadata = { title: "Edit article" };

export default async function EditArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireActor(SUPPORT_ROLES, `/support/help/${slug}/edit`);
  const article = isArticleSlug(slug)
    ? await prisma.helpArticle.findUnique({ where: { slug }, include: { revisions: { orderBy: { number: "desc" }, take: 1 } } })
    : null;
  const latest = article?.revisions[0];
  if (!article || !latest) notFound();
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
