import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapHeader, parseRow } from "@/lib/import/csv-rows";
import { CSV_BASE_COLUMNS, csvHeader, neutraliseCell } from "@/lib/csv/csv-format";

const now = new Date("2026-11-25T12:00:00.000Z");
const header = csvHeader([{ key: "UF_SCORE", type: "number" }, { key: "UF_VIP", type: "boolean" }, { key: "UF_NOTE", type: "string" }, { key: "UF_META", type: "json" }]);
const { map } = mapHeader(header);
const cellsFor = (values: Record<string, string>) => header.map((h) => values[h] ?? "");

describe("header", () => {
  it("maps every column of the export; reordered columns and empty spreadsheet columns are fine", () => {
    expect(mapHeader(header).problems).toEqual([]);
    const shuffled = ["", "id", "custom.UF_SCORE#number", "type", "firstName", " "];
    const mapped = mapHeader(shuffled);
    expect(mapped.problems).toEqual([]);
    expect(mapped.map.columns.map((c) => c.kind)).toEqual(["ignored", "base", "custom", "base", "base", "ignored"]);
  });

  it("names unknown, duplicate and missing columns", () => {
    expect(mapHeader(["type", "id", "Nazwa firmy", "id"]).problems).toEqual([
      { line: 1, column: "Nazwa firmy", reason: "UNKNOWN_COLUMN" },
      { line: 1, column: "id", reason: "DUPLICATE_COLUMN" },
    ]);
    expect(mapHeader(["name"]).problems.map((p) => p.reason)).toEqual(["MISSING_COLUMN", "MISSING_COLUMN"]);
  });
});

describe("rows", () => {
  const contact = { type: "contact", id: "6f1c3c1e-2f7a-4a52-9a1e-0d9f3b0c1a2b", firstName: "Zażółć", lastName: "'=SUM(A1)", phone: "'+48 600", createdAt: "2026-01-02T03:04:05.678Z", updatedAt: "2026-01-02T03:04:05.678Z" };

  it("gives back the CRM row: guard removed, custom fields typed, empties as NULL", () => {
    const { row, problems } = parseRow(cellsFor({ ...contact, "custom.UF_SCORE#number": "7.5", "custom.UF_VIP#boolean": "false", "custom.UF_META#json": '{"a":[1]}' }), map, 2, now);
    expect(problems).toEqual([]);
    expect(row).toEqual({
      type: "contact",
      id: contact.id,
      data: {
        id: contact.id,
        companyId: null,
        firstName: "Zażółć",
        lastName: "=SUM(A1)",
        email: null,
        phone: "+48 600",
        position: null,
        createdAt: contact.createdAt,
        updatedAt: contact.updatedAt,
        customFields: { UF_SCORE: 7.5, UF_VIP: false, UF_META: { a: [1] } },
      },
    });
  });

  it.each([
    [{ type: "opportunity" }, "type", "UNKNOWN_TYPE"],
    [{ firstName: "" }, "firstName", "REQUIRED"],
    [{ id: "not-an-id" }, "id", "NOT_AN_ID"],
    [{ companyId: "12" }, "companyId", "NOT_AN_ID"],
    [{ createdAt: "yesterday" }, "createdAt", "NOT_A_TIMESTAMP"],
    [{ "custom.UF_SCORE#number": "lots" }, "custom.UF_SCORE", "NOT_A_NUMBER"],
    [{ "custom.UF_VIP#boolean": "yes" }, "custom.UF_VIP", "NOT_A_BOOLEAN"],
    [{ "custom.UF_META#json": "{oops" }, "custom.UF_META", "NOT_JSON"],
    [{ lastName: "Nul\u0000l" }, "lastName", "NUL_CHARACTER"],
    [{ lastName: "=HYPERLINK(\"http://x\")" }, "lastName", "FORMULA"],
    [{ position: "@SUM(A1)" }, "position", "FORMULA"],
  ])("%j → %s %s", (change, column, reason) => {
    const { row, problems } = parseRow(cellsFor({ ...contact, ...change }), map, 7, now);
    expect(row).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ line: 7, column, reason }));
  });

  it("checks deals' amounts and dates, and fills missing timestamps with the import time", () => {
    const deal = { type: "deal", id: contact.id, title: "T", stage: "NEW", currency: "PLN" };
    expect(parseRow(cellsFor({ ...deal, amount: "12,50" }), map, 3, now).problems[0]).toMatchObject({ column: "amount", reason: "NOT_A_NUMBER" });
    expect(parseRow(cellsFor({ ...deal, amount: "12.50", closeDate: "2026-02-30" }), map, 3, now).problems[0]).toMatchObject({ column: "closeDate", reason: "NOT_A_DATE" });
    const ok = parseRow(cellsFor({ ...deal, amount: "-12.50", closeDate: "2026-02-28" }), map, 3, now);
    expect(ok.row!.data).toMatchObject({ amount: "-12.50", closeDate: "2026-02-28", createdAt: now.toISOString() });
  });

  it("import(export(row)) is the row, for any text — Polish letters, quotes, separators, newlines, leading = + - @ '", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "Ż", "ł", "=", "+", "-", "@", "'", '"', ",", ";", "\n", "\r\n", "\t", " ", "é"), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(text, text, fc.option(text, { nil: null }), fc.option(text, { nil: undefined }), fc.constantFrom(",", ";"), (firstName, lastName, position, note, delimiter) => {
        const values: Record<string, string | null> = { type: "contact", id: contact.id, firstName, lastName, position, createdAt: contact.createdAt, updatedAt: contact.updatedAt, "custom.UF_NOTE": note ?? null };
        const cells = header.map((h) => (values[h] == null ? "" : h === "type" || h === "id" || h.endsWith("At") ? values[h]! : neutraliseCell(values[h]!)));
        const file = stringify([header, cells], { delimiter, bom: true, record_delimiter: "\r\n" });
        const [, parsed] = parse(file, { bom: true, delimiter, relax_column_count: true }) as string[][];
        const { row, problems } = parseRow(parsed, map, 2, now);
        expect(problems).toEqual([]);
        expect(row!.data).toMatchObject({ firstName, lastName, position, customFields: note === undefined ? {} : { UF_NOTE: note } });
      }),
      { numRuns: 400 },
    );
  });

  it("the header covers every base column exactly once", () => {
    expect(header.slice(0, CSV_BASE_COLUMNS.length)).toEqual([...CSV_BASE_COLUMNS]);
  });
});
