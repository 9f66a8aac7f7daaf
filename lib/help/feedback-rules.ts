/**
 * The "Was this information helpful?" widget's rules (SPEC §8), shared by the
 * form and the endpoint. Pure: no database, no clock.
 */
import { z } from "@/lib/zod";

/** The reasons of the source article's widget, offered after a "No". */
export const FEEDBACK_REASONS = ["INTEGRATION_HELP", "NOT_WHAT_I_WAS_LOOKING_FOR", "HARD_TO_UNDERSTAND", "OUT_OF_DATE", "TOO_SHORT", "DISLIKE_THE_TOOL"] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

export const COMMENT_MAX = 1000;

/** Votes per address and window: generous for an office behind one address, useless for a script. */
export const VOTE_RATE_LIMIT = { limit: 30, windowSeconds: 10 * 60 };

const asArray = (value: unknown) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]);

export const ZVoteInput = z
  .object({
    revisionId: z.uuid({ error: "feedbackUnknownArticle" }),
    helpful: z.enum(["yes", "no"], { error: "feedbackChooseAnswer" }),
    reasons: z.preprocess(asArray, z.array(z.enum(FEEDBACK_REASONS, { error: "feedbackUnknownReason" })).max(FEEDBACK_REASONS.length)),
    comment: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z.string({ error: "feedbackCommentInvalid" }).max(COMMENT_MAX, { error: "feedbackCommentTooLong" }).optional(),
    ),
  })
  .superRefine((vote, ctx) => {
    // Reasons and comments explain a "No"; a "Yes" carries neither.
    if (vote.helpful === "yes" && (vote.reasons.length || vote.comment)) ctx.addIssue({ code: "custom", path: ["reasons"], message: "feedbackReasonsOnYes" });
    if (new Set(vote.reasons).size !== vote.reasons.length) ctx.addIssue({ code: "custom", path: ["reasons"], message: "feedbackUnknownReason" });
  });

export type VoteInput = z.infer<typeof ZVoteInput>;

/**
 * Wilson score interval for a proportion (95 % by default): honest about
 * small samples — 3 "Yes" of 3 is 44–100 %, not "100 % helpful".
 */
export function wilsonInterval(successes: number, total: number, z = 1.959963984540054): { low: number; high: number; ratio: number } | null {
  if (total <= 0) return null;
  const p = successes / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const margin = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator;
  return { ratio: p, low: Math.max(0, centre - margin), high: Math.min(1, centre + margin) };
}
