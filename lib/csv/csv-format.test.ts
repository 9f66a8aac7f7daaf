import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CSV_BASE_COLUMNS,
  csvFileName,
  csvHeader,
  customColumnHeader,
  customColumnsFrom,
  neutraliseCell,
  parseCustomColumnHeader,
  restoreCell,
} from "@/lib/csv/csv-format";

describe("formula neutralisation", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+48 600 100 200", "'+48 600 100 200"],
    ["-5", "'-5"],
    ["@cmd", "'@cmd"],
    ["\tTab", "'\tTab"],
    ["\rCR", "'\rCR"],
    ["'quoted", "''quoted"],
    ["Zażółć", "Zażółć"],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j → %j", (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it("import reverses export exactly, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "'", "\t", "\r", "\n", "a", "ż", ",", ";", '"', " ") }), (value) => {
        expect(restoreCell(neutraliseCell(value))).toBe(value);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (value) => {
        expect(restoreCell(neutraliseCell(value))).toBe(value);
      }),
    );
  });

  it("never leaves a formula trigger at the start", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(neutraliseCell(value)).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});

describe("columns", () => {
  it("starts with type and id and lists every field of the four item types once, without the JSON column", () => {
    expect(CSV_BASE_COLUMNS.slice(0, 2)).toEqual(["type", "id"]);
    expect(new Set(CSV_BASE_COLUMNS).size).toBe(CSV_BASE_COLUMNS.length);
    for (const field of ["name", "firstName", "lastName", "companyId", "contactId", "title", "stage", "amount", "closeDate", "source", "status", "createdAt", "updatedAt"]) {
      expect(CSV_BASE_COLUMNS).toContain(field);
    }
    expect(CSV_BASE_COLUMNS).not.toContain("customFields");
    expect(CSV_BASE_COLUMNS).not.toContain("accountId");
  });

  it("types custom columns by their values; mixed types travel as JSON", () => {
    expect(
      customColumnsFrom([
        { key: "UF_Z", types: ["string", "null"] },
        { key: "UF_A", types: ["number"] },
        { key: "UF_B", types: ["boolean"] },
        { key: "UF_M", types: ["string", "number"] },
        { key: "UF_O", types: ["object"] },
        { key: "UF_N", types: ["null"] },
      ]),
    ).toEqual([
      { key: "UF_A", type: "number" },
      { key: "UF_B", type: "boolean" },
      { key: "UF_M", type: "json" },
      { key: "UF_N", type: "string" },
      { key: "UF_O", type: "json" },
      { key: "UF_Z", type: "string" },
    ]);
  });

  it("custom headers parse back to the same key and type", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((k) => !k.includes("#")), fc.constantFrom("string", "number", "boolean", "json"), (key, type) => {
        const column = { key, type: type as "string" };
        expect(parseCustomColumnHeader(customColumnHeader(column))).toEqual(column);
      }),
    );
    expect(parseCustomColumnHeader("firstName")).toBeNull();
    expect(csvHeader([{ key: "UF_X", type: "number" }]).at(-1)).toBe("custom.UF_X#number");
  });

  it("names the file after the account, the ticket and the date", () => {
    expect(csvFileName("acme.crm.example", "RR-000012", "2026-11-20")).toBe("acme-RR-000012-2026-11-20.csv");
    expect(csvFileName("weird name!.crm", "RR-000001", "2026-01-01")).toBe("weird-name--RR-000001-2026-01-01.csv");
  });
});
