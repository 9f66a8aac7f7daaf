"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { COMMENT_MAX, FEEDBACK_REASONS } from "@/lib/help/feedback-rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Textarea } from "@/components/ui/field";

export type WidgetStep = "ask" | "reasons" | "thanks";

type Props = {
  slug: string;
  revisionId: string;
  /** Where the page starts (from the visitor's saved vote, or ?feedback= without JavaScript). */
  step: WidgetStep;
  helpful: boolean | null;
  reasons: string[];
  comment: string;
  error: string | null;
  /** The data-backup article offers a request after a "No". */
  offerRequest: boolean;
};

/**
 * "Was this information helpful?" (SPEC §8, §10). A plain form that works
 * without JavaScript (posts to /api/feedback, which redirects back); with
 * JavaScript the same forms post in the background and the widget changes in place.
 */
export function FeedbackWidget(props: Props) {
  const t = useTranslations("feedback");
  const [step, setStep] = useState<WidgetStep>(props.step);
  const [helpful, setHelpful] = useState(props.helpful);
  const [error, setError] = useState(props.error);
  const [comment, setComment] = useState(props.comment);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget, submitter);
    const body = { revisionId: data.get("revisionId"), helpful: data.get("helpful"), reasons: data.getAll("reasons"), comment: data.get("comment") ?? undefined };
    startTransition(async () => {
      const response = await fetch("/api/feedback", { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(body) }).catch(() => null);
      const result = (await response?.json().catch(() => null)) as { ok: boolean; helpful?: boolean; message?: string } | null;
      if (result?.ok) {
        setHelpful(result.helpful ?? null);
        setError(null);
        setStep("thanks");
      } else setError(result?.message ?? t("question"));
    });
  }

  const hidden = (
    <>
      <input type="hidden" name="slug" value={props.slug} />
      <input type="hidden" name="revisionId" value={props.revisionId} />
    </>
  );

  return (
    <section id="feedback" aria-labelledby="feedback-title" className="rounded-xl border border-slate-200 bg-white px-5 py-5 shadow-sm">
      <h2 id="feedback-title" className="text-base font-semibold text-slate-900">
        {t("question")}
      </h2>
      {error && (
        <Alert tone="danger" className="mt-3">
          {error}
        </Alert>
      )}

      {step === "ask" && (
        <form method="post" action="/api/feedback" onSubmit={submit} className="mt-3 flex gap-3">
          {hidden}
          <Button type="submit" name="helpful" value="yes" variant="secondary" disabled={pending}>
            {t("yes")}
          </Button>
          {/* Without JavaScript "No" opens the reasons step (a GET of this page); with it, in place. */}
          <Button
            type="submit"
            name="feedback"
            value="no"
            variant="secondary"
            formMethod="get"
            formAction={`/help/${props.slug}#feedback`}
            disabled={pending}
            onClick={(e) => {
              e.preventDefault();
              setError(null);
              setStep("reasons");
            }}
          >
            {t("no")}
          </Button>
        </form>
      )}

      {step === "reasons" && (
        <form method="post" action="/api/feedback" onSubmit={submit} className="mt-3 space-y-4">
          {hidden}
          <input type="hidden" name="helpful" value="no" />
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t("reasonsLegend")}</legend>
            <div className="mt-2 space-y-2">
              {FEEDBACK_REASONS.map((reason) => (
                <Checkbox key={reason} name="reasons" value={reason} defaultChecked={props.reasons.includes(reason)} label={t(`reasons.${reason}`)} />
              ))}
            </div>
          </fieldset>
          <Field id="feedback-comment" label={t("commentLabel")} hint={t("commentHint", { count: comment.length, max: COMMENT_MAX })}>
            <Textarea
              id="feedback-comment"
              name="comment"
              rows={3}
              maxLength={COMMENT_MAX}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              aria-describedby="feedback-comment-hint"
              className="min-h-20"
            />
          </Field>
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? t("sending") : t("send")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setStep("ask")}>
              {t("back")}
            </Button>
          </div>
        </form>
      )}

      {step === "thanks" && (
        <div className="mt-3 space-y-3">
          <p role="status" className="text-sm text-slate-800">
            <span className="font-medium">{t("thanks")}</span> {helpful === false ? t("thanksNo") : helpful ? t("thanksYes") : null}
          </p>
          {helpful === false && props.offerRequest && (
            <p className="text-sm">
              <Link href="/recovery/new" className="font-medium text-brand-700 hover:underline">
                {t("lostData")}
              </Link>
            </p>
          )}
          <a
            href={`/help/${props.slug}?feedback=change#feedback`}
            onClick={(e) => {
              e.preventDefault();
              setStep("ask");
            }}
            className="inline-block text-sm font-medium text-brand-700 hover:underline"
          >
            {t("change")}
          </a>
        </div>
      )}
    </section>
  );
}
