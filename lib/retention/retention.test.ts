import { describe, expect, it } from "vitest";
import { expiresAt, holdEndsAt, isWithinRetention, retentionDaysFromEnv, shouldPrune } from "@/lib/retention/retention";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-11-25T12:00:00Z");
const daysAgo = (days: number, extraMs = 0) => new Date(now.getTime() - days * DAY - extraMs);

describe("retention", () => {
  it("a snapshot exactly 7 days old is still inside the window", () => {
    expect(isWithinRetention(daysAgo(7), now)).toBe(true);
    expect(shouldPrune({ takenAt: daysAgo(7), now, heldByOpenTicket: false })).toBe(false);
  });
  it("a snapshot one millisecond past 7 days is pruned when nothing holds it", () => {
    expect(isWithinRetention(daysAgo(7, 1), now)).toBe(false);
    expect(shouldPrune({ takenAt: daysAgo(7, 1), now, heldByOpenTicket: false })).toBe(true);
  });
  it("an open ticket holds its snapshot at most 7 more days", () => {
    expect(shouldPrune({ takenAt: daysAgo(10), now, heldByOpenTicket: true })).toBe(false);
    expect(shouldPrune({ takenAt: daysAgo(14), now, heldByOpenTicket: true })).toBe(false);
    expect(shouldPrune({ takenAt: daysAgo(14, 1), now, heldByOpenTicket: true })).toBe(true);
  });
  it("retention is configurable", () => {
    expect(shouldPrune({ takenAt: daysAgo(4), now, heldByOpenTicket: false, days: 3 })).toBe(true);
    expect(expiresAt(daysAgo(0), 3).getTime() - now.getTime()).toBe(3 * DAY);
    expect(holdEndsAt(daysAgo(0), 3).getTime() - now.getTime()).toBe(6 * DAY);
  });
  it("reads the retention from the environment, rejecting nonsense", () => {
    expect(retentionDaysFromEnv("10")).toBe(10);
    expect(retentionDaysFromEnv(undefined)).toBe(7);
    expect(retentionDaysFromEnv("0")).toBe(7);
    expect(retentionDaysFromEnv("2.5")).toBe(7);
    expect(retentionDaysFromEnv("abc")).toBe(7);
  });
});
