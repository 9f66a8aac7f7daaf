import { describe, expect, test } from "vitest";
import {
  DEFAULT_LOSS_THRESHOLDS as D,
  detectLosses,
  effectiveThresholds,
  lossPercent,
  massEditFloor,
  NO_EDIT_FLOOR,
  passesGeneralRule,
  passesShareRule,
  ZLossThresholds,
  type TypeChange,
} from "@/lib/loss-alerts/loss-rules";

const deleted = (before: number, n: number): TypeChange => ({ before, deleted: n, topEdit: null });

describe("the general rule: ≥ 10 % and ≥ 20 records, or ≥ 500 records", () => {
  test.each([
    // [deleted, of, passes]
    [19, 100, false], // 19 %, but fewer than 20 records
    [20, 200, true], // exactly 10 % and exactly 20
    [20, 201, false], // just under 10 %
    [21, 210, true],
    [499, 10_000, false], // 5 %, under 500
    [500, 10_000, true], // 500, whatever the share
    [0, 100, false],
  ])("%i of %i → %s", (count, total, passes) => {
    expect(passesGeneralRule(count, total, D)).toBe(passes);
  });
});

describe("detectLosses", () => {
  test("an account's first snapshot (no changes known) raises nothing", () => {
    expect(detectLosses(null, D)).toEqual([]);
  });

  test("types with fewer than 20 records raise nothing, even when all are gone", () => {
    expect(detectLosses({ contact: deleted(19, 19), task: deleted(10, 10) }, D)).toEqual([]);
    expect(detectLosses({ contact: deleted(20, 20) }, D)).toEqual([{ tableKey: "contact", kind: "DELETED", count: 20, total: 20 }]);
  });

  test("any deleted custom field definition is a loss, however few there are", () => {
    expect(detectLosses({ customField: deleted(14, 1) }, D)).toEqual([{ tableKey: "customField", kind: "DELETED", count: 1, total: 14 }]);
    expect(detectLosses({ customField: deleted(14, 1) }, { ...D, customFieldAny: false })).toEqual([]);
  });

  test("products: more than 5 % is a loss, exactly 5 % is not", () => {
    expect(detectLosses({ product: deleted(200, 10) }, D)).toEqual([]);
    expect(detectLosses({ product: deleted(200, 11) }, D)).toEqual([{ tableKey: "product", kind: "DELETED", count: 11, total: 200 }]);
  });

  test("a mass edit passes by the same rule as deletions; scattered edits do not", () => {
    const edit = (count: number): TypeChange => ({ before: 1000, deleted: 0, topEdit: { field: "position", value: "Former employee", count } });
    expect(detectLosses({ contact: edit(99) }, D)).toEqual([]);
    expect(detectLosses({ contact: edit(100) }, D)).toEqual([{ tableKey: "contact", kind: "MASS_EDIT", count: 100, total: 1000, field: "position", value: "Former employee" }]);
  });

  test("a mass edit needs the share: 500 tasks completed in a large account is ordinary work", () => {
    const edit = (before: number, count: number): TypeChange => ({ before, deleted: 0, topEdit: { field: "status", value: "COMPLETED", count } });
    expect(detectLosses({ task: edit(50_000, 1_000) }, D)).toEqual([]);
    expect(detectLosses({ task: edit(50_000, 5_000) }, D).map((l) => l.kind)).toEqual(["MASS_EDIT"]);
    // Deleting those 1,000 would be a loss (the absolute rule).
    expect(detectLosses({ task: deleted(50_000, 1_000) }, D).map((l) => l.kind)).toEqual(["DELETED"]);
  });

  test("deletions and a mass edit of one type are two losses", () => {
    const losses = detectLosses({ deal: { before: 300, deleted: 40, topEdit: { field: "stage", value: "LOST", count: 200 } } }, D);
    expect(losses.map((l) => l.kind)).toEqual(["DELETED", "MASS_EDIT"]);
  });

  test("thresholds are the caller's: a stricter plan hears less", () => {
    expect(detectLosses({ contact: deleted(1000, 150) }, { ...D, sharePercent: 20 })).toEqual([]);
  });
});

describe("massEditFloor: below it a same-value edit cannot be a loss", () => {
  test.each([
    [10, NO_EDIT_FLOOR], // too small a type
    [100, 20], // 10 % = 10, but at least 20
    [1000, 100],
    [100_000, 10_000], // edits have no absolute rule
  ])("%i records → %i", (before, floor) => {
    expect(massEditFloor(before, D)).toBe(floor);
  });

  test("every edit count at the floor passes and one below does not", () => {
    for (const before of [20, 57, 199, 200, 201, 1234, 4999, 5000, 5001, 80_000]) {
      const floor = massEditFloor(before, D);
      expect(passesShareRule(floor, before, D)).toBe(true);
      expect(passesShareRule(floor - 1, before, D)).toBe(false);
    }
  });
});

describe("thresholds support types in", () => {
  test("numbers as text are read", () => {
    expect(ZLossThresholds.parse({ sharePercent: "12.5", minRecords: "30", anyRecords: "400", productSharePercent: "5", customFieldAny: "on", minTypeSize: "20" })).toEqual({
      sharePercent: 12.5,
      minRecords: 30,
      anyRecords: 400,
      productSharePercent: 5,
      customFieldAny: true,
      minTypeSize: 20,
    });
  });

  test.each([
    ["sharePercent", "-1", "percentRange"],
    ["sharePercent", "100.5", "percentRange"],
    ["productSharePercent", "abc", "notANumber"],
    ["sharePercent", "", "notANumber"],
    ["minRecords", "2.5", "recordsWhole"],
    ["anyRecords", "-3", "recordsRange"],
    ["minTypeSize", "Infinity", "notANumber"],
  ])("%s = %j → %s", (field, value, message) => {
    const input = { sharePercent: "10", minRecords: "20", anyRecords: "500", productSharePercent: "5", minTypeSize: "20", [field]: value };
    const result = ZLossThresholds.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([field, message]);
  });

  test("an account's override wins over its plan's; unreadable settings fall back to the defaults", () => {
    const plan = { ...D, sharePercent: 30 };
    const account = { ...D, sharePercent: 5 };
    expect(effectiveThresholds(plan, account).sharePercent).toBe(5);
    expect(effectiveThresholds(plan, null).sharePercent).toBe(30);
    expect(effectiveThresholds(null, null)).toEqual(D);
    expect(effectiveThresholds({ sharePercent: "nonsense" }, null)).toEqual(D);
  });
});

test("lossPercent rounds, and never says 0 % of a real loss", () => {
  expect(lossPercent(312, 2228)).toBe(14);
  expect(lossPercent(1, 1000)).toBe(1);
  expect(lossPercent(5, 0)).toBe(100);
});
