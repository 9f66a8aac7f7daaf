import { describe, expect, it } from "vitest";
import { formatBytes } from "@/lib/format/bytes";

describe("formatBytes", () => {
  it("uses binary units with one decimal", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(30n * 1024n ** 3n)).toBe("30.0 GB");
  });
  it("formats for the locale", () => {
    expect(formatBytes(1536, "pl")).toBe("1,5 KB");
  });
});
