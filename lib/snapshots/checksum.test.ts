import { describe, expect, it } from "vitest";
import { ACCOUNT_TABLE_KEYS } from "@/lib/account-data/tables";
import { combineChecksums, splitChecksum, tableChecksum, type TableChecksums } from "@/lib/snapshots/checksum";

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

describe("splitChecksum", () => {
  it("gives back the count and the fingerprint sum, beyond 64 bits", () => {
    const sum = "-184467440737095516150";
    expect(splitChecksum(tableChecksum(3n, sum))).toEqual({ count: 3n, sum: BigInt(sum) });
  });
  it("is additive: removing and adding rows moves both sums", () => {
    const { count, sum } = splitChecksum(tableChecksum(2, "30"));
    expect(tableChecksum(count - 1n + 2n, String(sum - 10n + 25n + 5n))).toBe("3:50");
  });
  it("refuses what is not a table checksum", () => {
    for (const bad of ["", "3", "a:1", "3:1.5", "3:1:2"]) expect(() => splitChecksum(bad)).toThrow();
  });
});
