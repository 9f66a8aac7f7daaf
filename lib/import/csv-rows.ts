/**
 * Reading the restore CSV back (SPEC §7): the header mapped to CRM columns,
 * each row checked and turned into the CRM table's values. The exact reverse
 * of the export (lib/restore/csv-format.ts). Pure: no database, no streams.
 */
import { CSV_ITEM_TABLES, CUSTOM_FIELDS_COLUMN, parseCustomColumnHeader, restoreCell, type CsvItemType, type CustomColumn } from "@/lib/csv/csv-format";
import { isUuid } from "@/lib/format/uuid";

export type ColumnKind = "text" | "uuid" | "numeric" | "date" | "timestamp";
const KINDS: Record<string, ColumnKind> = {
  id: "uuid",
  companyId: "uuid",
  contactId: "uuid",
  amount: "numeric",
  closeDate: "date",
  createdAt: "timestamp",
  updatedAt: "timestamp",
};
export const columnKind = (column: string): ColumnKind => KINDS[column] ?? "text";

/** NOT NULL columns of each item type (timestamps default to the import time). */
export const REQUIRED: Record<CsvItemType, readonly string[]> = {
  company: ["name"],
  contact: ["firstName", "lastName"],
  deal: ["title", "stage", "amount", "currency"],
  lead: ["title", "name", "source", "status"],
};

export const ITEM_TYPES = CSV_ITEM_TABLES.map((t) => t.key as CsvItemType);
const TABLE_COLUMNS = new Map(CSV_ITEM_TABLES.map((t) => [t.key as CsvItemType, t.columns.filter((c) => c !== CUSTOM_FIELDS_COLUMN)]));
const KNOWN_BASE = new Set(["type", ...CSV_ITEM_TABLES.flatMap((t) => t.columns.filter((c) => c !== CUSTOM_FIELDS_COLUMN))]);

export type HeaderColumn = { kind: "base"; name: string } | ({ kind: "custom" } & CustomColumn) | { kind: "ignored" };
export type HeaderMap = { columns: HeaderColumn[] };
export type RowProblem = { line: number; column: string | null; reason: ImportProblem; value?: string };
export type ImportProblem =
  | "MISSING_COLUMN"
  | "UNKNOWN_COLUMN"
  | "DUPLICATE_COLUMN"
  | "UNKNOWN_TYPE"
  | "REQUIRED"
  | "NOT_AN_ID"
  | "NOT_A_NUMBER"
  | "NOT_A_DATE"
  | "NOT_A_TIMESTAMP"
  | "NOT_A_BOOLEAN"
  | "NOT_JSON"
  | "NUL_CHARACTER"
  | "FORMULA"
  | "TOO_MANY_CELLS"
  | "DUPLICATE_ID"
  | "ID_OF_ANOTHER_ACCOUNT";

/** Maps header cells to columns; spreadsheet leftovers (empty headers) are ignored. */
export function mapHeader(header: string[]): { map: HeaderMap; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  const columns = header.map((raw): HeaderColumn => {
    const name = raw.trim();
    if (!name) return { kind: "ignored" };
    if (seen.has(name)) problems.push({ line: 1, column: name, reason: "DUPLICATE_COLUMN" });
    seen.add(name);
    if (KNOWN_BASE.has(name)) return { kind: "base", name };
    const custom = parseCustomColumnHeader(name);
    if (custom) return { kind: "custom", ...custom };
    problems.push({ line: 1, column: name.slice(0, 80), reason: "UNKNOWN_COLUMN" });
    return { kind: "ignored" };
  });
  for (const required of ["type", "id"]) if (!seen.has(required)) problems.push({ line: 1, column: required, reason: "MISSING_COLUMN" });
  return { map: { columns }, problems };
}

const NUMERIC = /^-?\d{1,12}(\.\d{1,2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function convert(kind: ColumnKind, value: string): { ok: true; value: string } | { ok: false; reason: ImportProblem } {
  switch (kind) {
    case "uuid":
      return isUuid(value) ? { ok: true, value: value.toLowerCase() } : { ok: false, reason: "NOT_AN_ID" };
    case "numeric":
      return NUMERIC.test(value) ? { ok: true, value } : { ok: false, reason: "NOT_A_NUMBER" };
    case "date":
      return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
        ? { ok: true, value }
        : { ok: false, reason: "NOT_A_DATE" };
    case "timestamp": {
      const time = Date.parse(value);
      return Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}[T ]/.test(value) ? { ok: false, reason: "NOT_A_TIMESTAMP" } : { ok: true, value: new Date(time).toISOString() };
    }
    default:
      return { ok: true, value };
  }
}

function customValue(type: CustomColumn["type"], value: string): { ok: true; value: unknown } | { ok: false; reason: ImportProblem } {
  if (type === "string") return { ok: true, value };
  if (type === "number") {
    const n = Number(value);
    return value.trim() !== "" && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, reason: "NOT_A_NUMBER" };
  }
  if (type === "boolean") return value === "true" || value === "false" ? { ok: true, value: value === "true" } : { ok: false, reason: "NOT_A_BOOLEAN" };
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch {
    return { ok: false, reason: "NOT_JSON" };
  }
}

export type ParsedRow = { type: CsvItemType; id: string; data: Record<string, unknown> };

/**
 * One data row → the CRM row it describes, or every problem in it (line and
 * column named). Cells get their export guard removed first; an empty cell is
 * "no value" (NULL, or no custom field).
 */
export function parseRow(cells: string[], map: HeaderMap, line: number, now: Date): { row: ParsedRow | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  if (cells.length > map.columns.length && cells.slice(map.columns.length).some((c) => c !== "")) {
    return { row: null, problems: [{ line, column: null, reason: "TOO_MANY_CELLS" }] };
  }
  const base = new Map<string, string>();
  const custom: Record<string, unknown> = {};
  map.columns.forEach((column, i) => {
    const raw = cells[i] ?? "";
    if (column.kind === "ignored" || raw === "") return;
    if (raw.includes("\u0000")) {
      problems.push({ line, column: column.kind === "base" ? column.name : column.key, reason: "NUL_CHARACTER" });
      return;
    }
    // The export guards every such cell with a leading '; an unguarded one was typed as a formula in a spreadsheet.
    if (raw.startsWith("=") || raw.startsWith("@")) {
      problems.push({ line, column: column.kind === "base" ? column.name : column.key, reason: "FORMULA", value: raw.slice(0, 80) });
      return;
    }
    const value = restoreCell(raw);
    if (column.kind === "base") base.set(column.name, value);
    else {
      const converted = customValue(column.type, value);
      if (converted.ok) custom[column.key] = converted.value;
      else problems.push({ line, column: `custom.${column.key}`, reason: converted.reason, value: value.slice(0, 80) });
    }
  });

  const type = base.get("type") as CsvItemType | undefined;
  if (!type || !ITEM_TYPES.includes(type)) return { row: null, problems: [{ line, column: "type", reason: "UNKNOWN_TYPE", value: (type ?? "").slice(0, 80) }, ...problems] };
  const data: Record<string, unknown> = {};
  for (const column of TABLE_COLUMNS.get(type)!) {
    const value = base.get(column);
    if (value === undefined) {
      if (REQUIRED[type].includes(column) || column === "id") problems.push({ line, column, reason: "REQUIRED" });
      data[column] = column === "createdAt" || column === "updatedAt" ? now.toISOString() : null;
      continue;
    }
    const converted = convert(columnKind(column), value);
    if (converted.ok) data[column] = converted.value;
    else problems.push({ line, column, reason: converted.reason, value: value.slice(0, 80) });
  }
  data[CUSTOM_FIELDS_COLUMN] = custom;
  if (problems.length) return { row: null, problems };
  return { row: { type, id: data.id as string, data }, problems };
}
