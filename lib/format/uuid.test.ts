import { describe, expect, it } from "vitest";
import { isUuid } from "@/lib/format/uuid";

describe("isUuid", () => {
  it("accepts UUIDs in either case", () => {
    expect(isUuid("6f1c3c1e-2f7a-4a52-9a1e-0d9f3b0c1a2b")).toBe(true);
    expect(isUuid("6F1C3C1E-2F7A-4A52-9A1E-0D9F3B0C1A2B")).toBe(true);
  });
  it.each([["36 dashes", "-".repeat(36)], ["hex without dashes", "6f1c3c1e2f7a4a529a1e0d9f3b0c1a2b0000"], ["too short", "6f1c3c1e-2f7a-4a52-9a1e-0d9f3b0c1a2"], ["a number", 42], ["empty", ""]])(
    "refuses %s",
    (_, value) => expect(isUuid(value)).toBe(false),
  );
});
