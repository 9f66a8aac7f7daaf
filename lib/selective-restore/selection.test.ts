import { describe, expect, it } from "vitest";
import { ACCOUNT_TABLE_KEYS } from "@/lib/account-data/tables";
import { fieldChanges } from "@/lib/selective-restore/field-changes";
import { likePattern } from "@/lib/selective-restore/like-pattern";
import { scopeCondition } from "@/lib/selective-restore/scope-sql";
import { modeEffects, parseSelection, pickedCount, rewritesExistingData, tableScopes, ZSelection, type Selection } from "@/lib/selective-restore/selection";

const types = (over: Partial<Extract<Selection, { scope: "TYPES" }>> = {}): Selection => ({ scope: "TYPES", types: ["contact"], withRelated: true, mode: "MISSING", ...over });

describe("what a selection covers, table by table", () => {
  it("a whole type brings its activities, comments and history when asked, in the restore's table order", () => {
    expect(tableScopes(types({ types: ["product", "contact"] }), ACCOUNT_TABLE_KEYS)).toEqual([
      { table: "contact", kind: "ALL" },
      { table: "activity", kind: "RELATED", types: ["contact"], pairs: [] },
      { table: "comment", kind: "RELATED", types: ["contact"], pairs: [] },
      { table: "history", kind: "RELATED", types: ["contact"], pairs: [] },
      { table: "product", kind: "ALL" },
    ]);
  });
  it("without related data, or for types that have none, only the types themselves", () => {
    expect(tableScopes(types({ withRelated: false }), ACCOUNT_TABLE_KEYS)).toEqual([{ table: "contact", kind: "ALL" }]);
    expect(tableScopes(types({ types: ["product", "customField", "task"] }), ACCOUNT_TABLE_KEYS).map((s) => s.table)).toEqual(["task", "product", "customField"]);
  });
  it("picked records name their ids, and their related rows by (type, id)", () => {
    const selection: Selection = { scope: "RECORDS", records: { deal: ["d1"], product: ["p1", "p2"] }, withRelated: true, mode: "MISSING" };
    expect(tableScopes(selection, ACCOUNT_TABLE_KEYS)).toEqual([
      { table: "deal", kind: "IDS", ids: ["d1"] },
      { table: "activity", kind: "RELATED", types: [], pairs: ["deal:d1"] },
      { table: "comment", kind: "RELATED", types: [], pairs: ["deal:d1"] },
      { table: "history", kind: "RELATED", types: [], pairs: ["deal:d1"] },
      { table: "product", kind: "IDS", ids: ["p1", "p2"] },
    ]);
    expect(pickedCount(selection)).toBe(3);
    expect(pickedCount(types())).toBeNull();
  });
  it("as SQL: the same condition text for live rows and backup versions, values as parameters", () => {
    expect(scopeCondition({ table: "contact", kind: "ALL" }, "l", 3)).toEqual({ sql: "TRUE", params: [] });
    expect(scopeCondition({ table: "contact", kind: "IDS", ids: ["a"] }, "s", 3)).toEqual({ sql: "s.id = ANY($3::uuid[])", params: [["a"]] });
    const related = scopeCondition({ table: "activity", kind: "RELATED", types: ["deal"], pairs: ["contact:x"] }, "v", 4);
    expect(related.sql).toContain(`v."entityType" = ANY($4::text[])`);
    expect(related.sql).toContain(`= ANY($5::text[])`);
    expect(related.params).toEqual([["deal"], ["contact:x"]]);
  });
});

describe("modes", () => {
  it("bringing back never reverts or removes; exact does both", () => {
    expect(modeEffects("MISSING")).toEqual({ bringBack: true, revert: false, remove: false });
    expect(modeEffects("MISSING_AND_CHANGED")).toEqual({ bringBack: true, revert: true, remove: false });
    expect(modeEffects("EXACT")).toEqual({ bringBack: true, revert: true, remove: true });
  });
  it("only a restore that may revert or remove rewrites data (four eyes, read-only, the data-loss acknowledgement)", () => {
    expect(rewritesExistingData("CSV", null)).toBe(false);
    expect(rewritesExistingData("FULL", null)).toBe(true);
    expect(rewritesExistingData("SELECTIVE", types())).toBe(false);
    expect(rewritesExistingData("SELECTIVE", types({ mode: "MISSING_AND_CHANGED" }))).toBe(true);
    expect(rewritesExistingData("SELECTIVE", null)).toBe(true);
  });
});

describe("parsing a selection", () => {
  it("accepts the form's shape, drops duplicates, refuses the rest with a message key", () => {
    expect(ZSelection.parse({ scope: "TYPES", types: ["contact", "contact"], withRelated: true, mode: "MISSING" })).toMatchObject({ types: ["contact"] });
    const refuse = (value: unknown) => ZSelection.safeParse(value).error?.issues.map((i) => i.message);
    expect(refuse({ scope: "TYPES", types: ["activity"], withRelated: true, mode: "MISSING" })).toEqual(["selectionTypeUnknown"]);
    expect(refuse({ scope: "RECORDS", records: {}, withRelated: true, mode: "MISSING" })).toEqual(["selectionEmpty"]);
    expect(refuse({ scope: "RECORDS", records: { customField: ["00000000-0000-0000-0000-000000000001"] }, withRelated: true, mode: "MISSING" })).toBeDefined();
    expect(parseSelection({ scope: "EVERYTHING" })).toBeNull();
    expect(parseSelection(null)).toBeNull();
  });
});

describe("field changes and search patterns", () => {
  it("lists the edited fields and each custom field by its key; timestamps are not edits", () => {
    const table = { columns: ["id", "name", "price", "customFields", "updatedAt"] };
    expect(
      fieldChanges(table, { id: "1", name: "A", price: 10, customFields: { UF_X: "a", UF_Y: 1 }, updatedAt: "t1" }, { id: "1", name: "B", price: 10, customFields: { UF_X: "a" }, updatedAt: "t2" }),
    ).toEqual([
      { field: "name", backup: "A", now: "B" },
      { field: "customFields.UF_Y", backup: "1", now: null },
    ]);
  });
  it("takes wildcards in a search literally", () => {
    expect(likePattern(" 50%_off ")).toBe("%50\\%\\_off%");
  });
});
