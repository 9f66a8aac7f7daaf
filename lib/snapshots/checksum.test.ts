import { describe, expect, it } from "vitest";
import { ACCOUNT_TABLE_KEYS } from "@/lib/account-data/tables";
import { combineChecksums, type TableChecksums } from "@/lib/snapshots/checksum";

const base = Object.fromEntries(ACCOUNT_TABLE_KEYS.map((k) => [k, "10:12345"])) as TableChecksums;

describe("combineChecksums", () => {
  it("is stable for the same table checksums", () => {
    expect(combineChecksums({ ...base })).toBe(combineChecksums({ ...base }));
  });
  it("changes when any one table changes", () => {
    const seen = new Set([combineChecksums(base)]);
    for (const key of ACCOUNT_TABLE_KEYS) seen.add(combineChecksums({ ...base, [key]: "10:12346" }));
    expect(seen.size).toBe(ACCOUNT_TABLE_KEYS.length + 1);
  });
});
