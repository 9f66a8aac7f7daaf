import { stringify } from "csv-stringify/sync";
import { NextResponse } from "next/server";
import { isSupportRole } from "@/lib/auth/roles";
import { getActor } from "@/lib/auth/session";
import { prisma } from "@/lib/db/prisma";
import { neutraliseCell } from "@/lib/csv/csv-format";
import { isArticleSlug } from "@/lib/help/article-slug";

const PAGE = 5000;

/** Every vote of an article as CSV, streamed page by page (support only; no visitor ids or address hashes). */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor || !isSupportRole(actor.role)) return new NextResponse("Not found.", { status: 404, headers: { "Cache-Control": "no-store" } });
  const slug = new URL(request.url).searchParams.get("article") ?? "";
  const article = isArticleSlug(slug) ? await prisma.helpArticle.findUnique({ where: { slug } }) : null;
  if (!article) return new NextResponse("Not found.", { status: 404, headers: { "Cache-Control": "no-store" } });
  const numbers = new Map((await prisma.helpArticleRevision.findMany({ where: { articleId: article.id }, select: { id: true, number: true } })).map((r) => [r.id, r.number]));

  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const votes = await prisma.feedbackVote.findMany({
        where: { articleId: article.id },
        orderBy: { id: "asc" },
        take: PAGE,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: { id: true, revisionId: true, createdAt: true, updatedAt: true, helpful: true, reasons: true, comment: true, locale: true },
      });
      const rows = votes.map((v) => [v.createdAt.toISOString(), v.updatedAt.toISOString(), numbers.get(v.revisionId), v.helpful ? "yes" : "no", v.reasons.join(" "), v.comment ? neutraliseCell(v.comment) : "", v.locale]);
      const header = started ? [] : [["createdAt", "updatedAt", "revision", "helpful", "reasons", "comment", "locale"]];
      controller.enqueue(encoder.encode((started ? "" : "\uFEFF") + stringify([...header, ...rows], { record_delimiter: "\r\n" })));
      started = true;
      if (votes.length < PAGE) controller.close();
      else cursor = votes.at(-1)!.id;
    },
  });
  return new NextResponse(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="feedback-${slug}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
