import { describe, expect, it } from "vitest";
import { checkRequestChoice, CSV_LIMIT_BYTES, decideEligibility, type EligibilityInput } from "@/lib/tickets/eligibility";

const now = new Date("2026-11-25T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const snapshot = (daysAgo: number, hour = 1) => ({
  id: `s-${daysAgo}-${hour}`,
  takenAt: new Date(Date.UTC(2026, 10, 25 - daysAgo, hour)),
  rowCounts: { contact: 100 - daysAgo },
});

const base: EligibilityInput = {
  role: "ACCOUNT_ADMIN",
  planRestoreAvailable: true,
  planName: "Professional",
  adminName: "Alicja Nowak",
  openTicketNumber: null,
  databaseSizeBytes: 5 * 1024 ** 3,
  snapshots: [0, 1, 2, 3, 4, 5, 6].map((d) => snapshot(d)),
  timeZone: "Europe/Warsaw",
  now,
  retentionDays: 7,
};

describe("decideEligibility", () => {
  it("an admin on a restore plan with backups may file, both methods", () => {
    const result = decideEligibility(base);
    expect(result.blockers).toEqual([]);
    expect(result.methods.CSV.available).toBe(true);
    expect(result.methods.FULL.available).toBe(true);
    expect(result.dates.map((d) => d.date)).toEqual(["2026-11-25", "2026-11-24", "2026-11-23", "2026-11-22", "2026-11-21", "2026-11-20", "2026-11-19"]);
  });
  it("a plan without restore is explained, with the plan's name", () => {
    expect(decideEligibility({ ...base, planRestoreAvailable: false, planName: "Basic" }).blockers).toEqual([
      { code: "PLAN_WITHOUT_RESTORE", planName: "Basic" },
    ]);
  });
  it("a member is told who the admin is", () => {
    expect(decideEligibility({ ...base, role: "ACCOUNT_MEMBER" }).blockers).toEqual([{ code: "NOT_ACCOUNT_ADMIN", adminName: "Alicja Nowak" }]);
  });
  it("an open request points to itself", () => {
    expect(decideEligibility({ ...base, openTicketNumber: 42 }).blockers).toEqual([{ code: "REQUEST_ALREADY_OPEN", ticketNumber: 42 }]);
  });
  it("no snapshot in the window means nothing to restore from", () => {
    const old = { ...base, snapshots: [snapshot(8), snapshot(10)] };
    expect(decideEligibility(old).blockers).toEqual([{ code: "NO_SNAPSHOT_IN_RETENTION" }]);
  });
  it("every reason is reported, in order", () => {
    const all = decideEligibility({ ...base, role: "ACCOUNT_MEMBER", planRestoreAvailable: false, openTicketNumber: 7, snapshots: [] });
    expect(all.blockers.map((b) => b.code)).toEqual(["PLAN_WITHOUT_RESTORE", "NOT_ACCOUNT_ADMIN", "REQUEST_ALREADY_OPEN", "NO_SNAPSHOT_IN_RETENTION"]);
  });
  it("30 GB exactly still allows CSV; one byte more does not", () => {
    expect(decideEligibility({ ...base, databaseSizeBytes: BigInt(CSV_LIMIT_BYTES) }).methods.CSV.available).toBe(true);
    expect(decideEligibility({ ...base, databaseSizeBytes: BigInt(CSV_LIMIT_BYTES) + 1n }).methods.CSV).toEqual({
      available: false,
      reason: "DATABASE_OVER_CSV_LIMIT",
    });
  });
  it("a snapshot exactly 7 days old is offered; older is not", () => {
    const exactly = { id: "exact", takenAt: new Date(now.getTime() - 7 * DAY), rowCounts: {} };
    const older = { id: "older", takenAt: new Date(now.getTime() - 7 * DAY - 1), rowCounts: {} };
    const ids = decideEligibility({ ...base, snapshots: [exactly, older] }).dates.map((d) => d.snapshotId);
    expect(ids).toEqual(["exact"]);
  });
  it("one option per day: the day's latest snapshot", () => {
    const dates = decideEligibility({ ...base, snapshots: [snapshot(1, 1), snapshot(1, 15), snapshot(2)] }).dates;
    expect(dates.map((d) => d.snapshotId)).toEqual(["s-1-15", "s-2-1"]);
  });
  it("dates are calendar days in the account's time zone", () => {
    // 23:30 UTC on the 23rd is already the 24th in Warsaw.
    const late = { id: "late", takenAt: new Date("2026-11-23T23:30:00Z"), rowCounts: {} };
    expect(decideEligibility({ ...base, snapshots: [late] }).dates[0].date).toBe("2026-11-24");
    expect(decideEligibility({ ...base, snapshots: [late], timeZone: "UTC" }).dates[0].date).toBe("2026-11-23");
  });
});

describe("checkRequestChoice", () => {
  const eligibility = decideEligibility(base);
  it("returns the snapshot to pin for a listed date", () => {
    const result = checkRequestChoice(eligibility, { method: "CSV", restoreDate: "2026-11-23" });
    expect(result.ok && result.snapshot.snapshotId).toBe("s-2-1");
  });
  it("refuses a date without a snapshot or outside retention", () => {
    for (const restoreDate of ["2026-11-26", "2026-11-10", "2026-02-30"]) {
      expect(checkRequestChoice(eligibility, { method: "FULL", restoreDate })).toEqual({
        ok: false,
        refusal: { field: "restoreDate", code: "NO_SNAPSHOT_FOR_DATE" },
      });
    }
  });
  it("refuses CSV above 30 GB", () => {
    const big = decideEligibility({ ...base, databaseSizeBytes: 40 * 1024 ** 3 });
    expect(checkRequestChoice(big, { method: "CSV", restoreDate: "2026-11-23" })).toEqual({ ok: false, refusal: { field: "method", code: "CSV_OVER_LIMIT" } });
    expect(checkRequestChoice(big, { method: "FULL", restoreDate: "2026-11-23" }).ok).toBe(true);
  });
  it("any blocker refuses the request first", () => {
    const member = decideEligibility({ ...base, role: "ACCOUNT_MEMBER" });
    expect(checkRequestChoice(member, { method: "CSV", restoreDate: "2026-11-23" })).toEqual({
      ok: false,
      refusal: { code: "NOT_ACCOUNT_ADMIN", adminName: "Alicja Nowak" },
    });
  });
});
