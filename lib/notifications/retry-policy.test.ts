import { describe, expect, it } from "vitest";
import { afterFailedAttempt, MAX_ATTEMPTS } from "@/lib/notifications/retry-policy";

const now = new Date("2026-11-25T10:00:00.000Z");
const waitAfter = (attempts: number) => {
  const decision = afterFailedAttempt(attempts, now);
  return decision.giveUp ? null : (decision.nextAttemptAt.getTime() - now.getTime()) / 1000;
};

describe("email retries", () => {
  it("wait twice as long each time, starting at 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(waitAfter)).toEqual([30, 60, 120, 240, 480, 960, 1920]);
  });
  it("give up after the last attempt", () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(afterFailedAttempt(8, now)).toEqual({ giveUp: true });
    expect(afterFailedAttempt(9, now)).toEqual({ giveUp: true });
  });
  it("never wait more than an hour", () => {
    for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts++) expect(waitAfter(attempts)).toBeLessThanOrEqual(3600);
  });
});
