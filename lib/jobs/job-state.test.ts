import { describe, expect, it } from "vitest";
import { jobState } from "@/lib/jobs/job-state";

const now = new Date("2026-12-01T12:00:00Z");
const job = (over: Partial<Parameters<typeof jobState>[0]> = {}) => ({ lockedAt: null, attempts: 0, maxAttempts: 3, runAt: now, lastError: null, ...over });

describe("jobState", () => {
  it("a job a worker holds is running, whatever else it says", () => {
    expect(jobState(job({ lockedAt: now, attempts: 3, lastError: "boom" }), now)).toBe("RUNNING");
  });
  it("no attempt left: failed", () => {
    expect(jobState(job({ attempts: 3, lastError: "boom" }), now)).toBe("FAILED");
    expect(jobState(job({ attempts: 1, maxAttempts: 1, lastError: "boom" }), now)).toBe("FAILED");
  });
  it("failed with attempts left: retrying, even before its next try is due", () => {
    expect(jobState(job({ attempts: 1, lastError: "boom", runAt: new Date(now.getTime() + 60_000) }), now)).toBe("RETRYING");
  });
  it("not yet due: scheduled; due: waiting", () => {
    expect(jobState(job({ runAt: new Date(now.getTime() + 1) }), now)).toBe("SCHEDULED");
    expect(jobState(job({ runAt: now }), now)).toBe("WAITING");
    expect(jobState(job({ runAt: new Date(now.getTime() - 1) }), now)).toBe("WAITING");
  });
});
