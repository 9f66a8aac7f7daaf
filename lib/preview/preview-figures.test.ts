import { describe, expect, it } from "vitest";
import { ACCOUNT_TABLE_KEYS } from "@/lib/account-data/tables";
import { expectedRunFigures, isConsistent, previewChangedSince, rowsAfterRestore, totals, type PreviewFigures, type TableFigures } from "@/lib/preview/preview-figures";

/** Figures from explicit id sets: the definition the SQL must agree with. */
function figuresFrom(live: Record<string, string>, snapshot: Record<string, string>): TableFigures {
  const liveIds = Object.keys(live);
  const snapIds = Object.keys(snapshot);
  return {
    delete: liveIds.filter((id) => !(id in snapshot)).length,
    bringBack: snapIds.filter((id) => !(id in live)).length,
    revert: liveIds.filter((id) => id in snapshot && snapshot[id] !== live[id]).length,
    live: liveIds.length,
    snapshot: snapIds.length,
  };
}

const all = (f: TableFigures) => Object.fromEntries(ACCOUNT_TABLE_KEYS.map((k) => [k, f])) as PreviewFigures;

describe("preview arithmetic", () => {
  // Snapshot: a b c d. Since then: c edited, d deleted, e and f created.
  const f = figuresFrom({ a: "1", b: "1", c: "2", e: "1", f: "1" }, { a: "1", b: "1", c: "1", d: "1" });

  it("counts what would be deleted, brought back and reverted", () => {
    expect(f).toEqual({ delete: 2, bringBack: 1, revert: 1, live: 5, snapshot: 4 });
  });
  it("after the restore the table holds the snapshot's rows", () => {
    expect(rowsAfterRestore(f)).toBe(4);
    expect(isConsistent(f)).toBe(true);
  });
  it("figures that do not add up are caught", () => {
    expect(isConsistent({ ...f, bringBack: 2 })).toBe(false);
    expect(isConsistent({ ...f, revert: 9 })).toBe(false);
  });
  it("an unchanged table restores to itself", () => {
    const same = figuresFrom({ a: "1" }, { a: "1" });
    expect(same).toEqual({ delete: 0, bringBack: 0, revert: 0, live: 1, snapshot: 1 });
  });
  it("totals add every table", () => {
    expect(totals(all(f))).toEqual({ delete: 20, bringBack: 10, revert: 10, changedRows: 40 });
  });
  it("a run removes what it deletes and reverts, and writes what it brings back and reverts", () => {
    // 10 tables × (delete 2, bring back 1, revert 1): the reverted rows count on both sides.
    expect(expectedRunFigures(all(f))).toEqual({ removed: 30, written: 20 });
    // The live table minus removed plus written is the snapshot, table by table.
    const one = expectedRunFigures({ ...all({ ...f, delete: 0, bringBack: 0, revert: 0 }), contact: f });
    expect(f.live - one.removed + one.written).toBe(f.snapshot);
  });
  it("notices when live data moved since the approved preview", () => {
    expect(previewChangedSince(all(f), all(f))).toBe(false);
    expect(previewChangedSince(all(f), { ...all(f), contact: { ...f, delete: 3, live: 6 } })).toBe(true);
  });
});
