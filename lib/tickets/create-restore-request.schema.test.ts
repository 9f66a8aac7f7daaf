import { describe, expect, it } from "vitest";
import { ZCreateRestoreRequestInput } from "@/lib/tickets/create-restore-request.schema";

const valid = {
  method: "FULL",
  restoreDate: "2026-11-23",
  description: "About 400 contacts disappeared yesterday afternoon.",
  ackAllUsers: "on",
  ackDataLoss: "on",
  requestKey: "2f1b7c4e-8a3d-4f7e-9c1a-5b6d7e8f9a0b",
};

const issues = (input: Record<string, unknown>) => {
  const result = ZCreateRestoreRequestInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("the restore request's shape", () => {
  it("accepts a complete full-restore request from the form", () => {
    expect(issues(valid)).toEqual([]);
  });
  it("a CSV request needs no data-loss acknowledgement", () => {
    expect(issues({ ...valid, method: "CSV", ackDataLoss: undefined })).toEqual([]);
  });
  it("refuses an unknown method", () => {
    expect(issues({ ...valid, method: "PARTIAL" })).toEqual(["method:methodRequired"]);
  });
  it("refuses a missing or malformed date", () => {
    expect(issues({ ...valid, restoreDate: undefined })).toEqual(["restoreDate:dateRequired"]);
    expect(issues({ ...valid, restoreDate: "23.11.2026" })).toEqual(["restoreDate:dateRequired"]);
  });
  it("refuses an empty, blank, too short or 50,000-character description", () => {
    expect(issues({ ...valid, description: "" })).toEqual(["description:descriptionTooShort"]);
    expect(issues({ ...valid, description: " ".repeat(40) })).toEqual(["description:descriptionTooShort"]);
    expect(issues({ ...valid, description: "lost data" })).toEqual(["description:descriptionTooShort"]);
    expect(issues({ ...valid, description: "x".repeat(50_000) })).toEqual(["description:descriptionTooLong"]);
  });
  it("a description of exactly 20 characters (after trimming) is enough", () => {
    expect(issues({ ...valid, description: `  ${"x".repeat(20)}  ` })).toEqual([]);
  });
  it("refuses missing acknowledgements", () => {
    expect(issues({ ...valid, ackAllUsers: undefined })).toEqual(["ackAllUsers:ackAllUsersRequired"]);
    expect(issues({ ...valid, ackDataLoss: undefined })).toEqual(["ackDataLoss:ackDataLossRequired"]);
    expect(issues({ ...valid, ackAllUsers: "off" })).toEqual(["ackAllUsers:ackAllUsersRequired"]);
  });
  it("refuses a missing form key", () => {
    expect(issues({ ...valid, requestKey: "1" })).toEqual(["requestKey:invalidForm"]);
  });
});
