import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { prisma } from "@/lib/db/prisma";
import { AppError, httpStatusOf } from "@/lib/errors/app-error";
import { castVote } from "@/lib/help/cast-vote";
import { ZVoteInput } from "@/lib/help/feedback-rules";
import { addressHash, newVisitorCookie, readVisitorCookie, VISITOR_COOKIE, VISITOR_COOKIE_MAX_AGE } from "@/lib/help/visitor-cookie";
import { clientAddress } from "@/lib/http/client-address";
import { isSameOrigin } from "@/lib/http/same-origin";
import { readBodyText } from "@/lib/http/request-body-stream";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locale";
import { isArticleSlug } from "@/lib/help/article-slug";

// A vote is a few short fields; anything bigger is refused before parsing.
const MAX_BODY_BYTES = 16 * 1024;

function cookieValue(request: Request, name: string): string | undefined {
  const raw = request.headers.get("cookie")?.match(new RegExp(`(?:^|;\\s*)${name}=([^;]+)`))?.[1];
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    // Not a cookie we wrote: the signature check refuses it as damaged.
    return raw;
  }
}

type Outcome = { ok: true; helpful: boolean } | { ok: false; status: number; code: string; message: string };

async function readBody(request: Request): Promise<{ json: boolean; fields: Record<string, unknown> } | null> {
  const text = await readBodyText(request, MAX_BODY_BYTES);
  if (text === null) return null;
  if ((request.headers.get("content-type") ?? "").includes("application/json")) {
    try {
      const value = JSON.parse(text);
      return value && typeof value === "object" && !Array.isArray(value) ? { json: true, fields: value } : { json: true, fields: {} };
    } catch {
      return { json: true, fields: {} };
    }
  }
  const form = new URLSearchParams(text);
  const fields: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) fields[key] = key === "reasons" ? form.getAll(key) : form.get(key);
  return { json: false, fields };
}

/**
 * "Was this information helpful?" — answered by the widget with JavaScript
 * (JSON) or as a plain form without it (redirected back to the article).
 * Anonymous: the visitor is a signed cookie, the address a keyed hash.
 */
export async function POST(request: Request) {
  // Messages only when there is something to explain: the common path stays lean.
  const explain = async (code: string, params?: Record<string, string | number>) => {
    const t = await getTranslations("errors.codes");
    return t.has(code) ? t(code, params) : t("invalidForm");
  };
  // A vote posted by another site's page is refused; scripts without an Origin (and old browsers) may vote.
  if (request.headers.get("origin") && !isSameOrigin(request.headers)) return NextResponse.json({ ok: false, message: await explain("FEEDBACK_CROSS_SITE") }, { status: 403 });
  const secret = process.env.NEXTAUTH_SECRET ?? "";
  const body = await readBody(request);
  const wantsJson = body?.json ?? (request.headers.get("accept") ?? "").includes("application/json");

  const visitor = readVisitorCookie(cookieValue(request, VISITOR_COOKIE), secret);
  const fresh = visitor === null ? newVisitorCookie(secret) : null;

  let outcome: Outcome;
  if (!body) outcome = { ok: false, status: 413, code: "feedbackCommentTooLong", message: await explain("feedbackCommentTooLong") };
  else if (visitor === "forged") outcome = { ok: false, status: 400, code: "FEEDBACK_BAD_COOKIE", message: await explain("FEEDBACK_BAD_COOKIE") };
  else {
    const parsed = ZVoteInput.safeParse(body.fields);
    if (!parsed.success) {
      const code = parsed.error.issues[0]?.message ?? "invalidForm";
      outcome = { ok: false, status: 400, code, message: await explain(code) };
    } else {
      try {
        // Only a signed-in customer's vote is linked to their account; skip the session lookup without a session cookie.
        const actor = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/.test(request.headers.get("cookie") ?? "") ? await getActor() : null;
        const vote = await castVote({
          db: prisma,
          input: parsed.data,
          visitorId: fresh?.id ?? (visitor as string),
          ipHash: addressHash(clientAddress(request.headers), secret),
          accountId: actor?.accountId ?? null,
          locale: negotiateLocale(cookieValue(request, LOCALE_COOKIE), request.headers.get("accept-language")),
        });
        outcome = { ok: true, helpful: vote.helpful };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        outcome = { ok: false, status: httpStatusOf(error.code), code: error.key, message: await explain(error.key, error.params) };
      }
    }
  }

  const slug = isArticleSlug(body?.fields.slug) ? body.fields.slug : null;
  const response = wantsJson
    ? NextResponse.json(outcome, { status: outcome.ok ? 200 : outcome.status })
    : NextResponse.redirect(
        new URL(slug ? `/help/${slug}?feedback=${outcome.ok ? "thanks" : `error-${outcome.code}`}#feedback` : "/help", request.url),
        303,
      );
  response.headers.set("Cache-Control", "no-store");
  if (fresh && outcome.ok) {
    response.cookies.set(VISITOR_COOKIE, fresh.value, { httpOnly: true, sameSite: "lax", secure: request.url.startsWith("https:"), path: "/", maxAge: VISITOR_COOKIE_MAX_AGE });
  }
  return response;
}
