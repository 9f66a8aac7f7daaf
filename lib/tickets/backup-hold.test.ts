import { describe, expect, it } from "vitest";
import { backupHold } from "@/lib/tickets/backup-hold";

const now = new Date("2026-11-25T12:00:00Z");
const inHours = (h: number) => new Date(now.getTime() + h * 60 * 60 * 1000);

describe("backupHold", () => {
  it("a closed ticket holds nothing", () => {
    expect(backupHold({ backupExpiresAt: inHours(10), open: false, now })).toEqual({ state: "closed" });
  });
  it("inside retention: days and hours until the backup would expire", () => {
    expect(backupHold({ backupExpiresAt: inHours(50), open: true, now })).toEqual({ state: "kept", daysLeft: 2, hoursLeft: 50 });
  });
  it("past retention the open ticket holds it, at most 7 more days", () => {
    expect(backupHold({ backupExpiresAt: inHours(-24), open: true, now })).toEqual({ state: "held", daysLeft: 6, hoursLeft: 144 });
    expect(backupHold({ backupExpiresAt: inHours(-7 * 24), open: true, now })).toEqual({ state: "held", daysLeft: 0, hoursLeft: 0 });
    expect(backupHold({ backupExpiresAt: inHours(-7 * 24 - 1), open: true, now })).toEqual({ state: "expired" });
  });
});
