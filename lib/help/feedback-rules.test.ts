import { describe, expect, it } from "vitest";
import { COMMENT_MAX, wilsonInterval, ZVoteInput } from "@/lib/help/feedback-rules";

const revisionId = "6f1c3c1e-2f7a-4a52-9a1e-0d9f3b0c1a2b";

describe("Wilson interval", () => {
  it.each([
    // Reference values (R: prop.test without correction / binom::binom.wilson).
    [3, 3, 0.4385, 1],
    [0, 3, 0, 0.5615],
    [50, 100, 0.4038, 0.5962],
    [81, 263, 0.2553, 0.3662],
    [1, 10, 0.0179, 0.4042],
  ])("%i of %i → %f–%f", (yes, n, low, high) => {
    const interval = wilsonInterval(yes, n)!;
    expect(interval.low).toBeCloseTo(low, 3);
    expect(interval.high).toBeCloseTo(high, 3);
    expect(interval.ratio).toBeCloseTo(yes / n, 10);
  });

  it("has nothing to say without votes, and narrows as votes grow", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    const small = wilsonInterval(8, 10)!;
    const large = wilsonInterval(800, 1000)!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });
});

describe("vote input", () => {
  it("accepts a Yes, and a No with reasons and a comment (form fields or JSON)", () => {
    expect(ZVoteInput.parse({ revisionId, helpful: "yes" })).toEqual({ revisionId, helpful: "yes", reasons: [] });
    expect(ZVoteInput.parse({ revisionId, helpful: "no", reasons: "TOO_SHORT", comment: "  more examples " })).toEqual({ revisionId, helpful: "no", reasons: ["TOO_SHORT"], comment: "more examples" });
    expect(ZVoteInput.parse({ revisionId, helpful: "no", reasons: ["TOO_SHORT", "OUT_OF_DATE"] }).reasons).toHaveLength(2);
  });

  it.each([
    [{ revisionId, helpful: "no", reasons: ["DELETE_EVERYTHING"] }, "feedbackUnknownReason"],
    [{ revisionId, helpful: "no", reasons: ["TOO_SHORT", "TOO_SHORT"] }, "feedbackUnknownReason"],
    [{ revisionId, helpful: "yes", reasons: ["TOO_SHORT"] }, "feedbackReasonsOnYes"],
    [{ revisionId, helpful: "yes", comment: "great" }, "feedbackReasonsOnYes"],
    [{ revisionId, helpful: "no", comment: "x".repeat(COMMENT_MAX + 1) }, "feedbackCommentTooLong"],
    [{ revisionId, helpful: "maybe" }, "feedbackChooseAnswer"],
    [{ helpful: "yes" }, "feedbackUnknownArticle"],
    [{ revisionId: "not-a-uuid", helpful: "yes" }, "feedbackUnknownArticle"],
  ])("refuses %j with %s", (input, message) => {
    const result = ZVoteInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toContain(message);
  });
});
