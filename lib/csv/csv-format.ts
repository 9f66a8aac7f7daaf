/**
 * The restore CSV's format (SPEC §6), shared by the export and the import:
 * one row per CRM item (company, contact, deal, lead), a `type` column, the
 * union of the four item types' fields, then one column per custom field.
 * Pure: no database, no streams.
 */
import { ACCOUNT_TABLES, type AccountTable } from "@/lib/account-data/tables";

export const CSV_ITEM_TABLES: readonly AccountTable[] = ACCOUNT_TABLES.filter((t) => t.crmItem);
export type CsvItemType = "company" | "contact" | "deal" | "lead";

/** Stored as JSON on every CRM item; exported as one column per key instead. */
export const CUSTOM_FIELDS_COLUMN = "customFields";

/** `type`, then every field of the four item types in first-seen order (`id` first). */
export const CSV_BASE_COLUMNS: readonly string[] = [
  "type",
  ...new Set(CSV_ITEM_TABLES.flatMap((t) => t.columns.filter((c) => c !== CUSTOM_FIELDS_COLUMN))),
];

/**
 * Custom-field values are JSON; a column that holds anything but text says
 * so in its header (`custom.UF_SCORE#number`), so the import gives back the
 * same JSON type: a spreadsheet shows plain values, the round trip is exact.
 */
export type CustomValueType = "string" | "number" | "boolean" | "json";
export type CustomColumn = { key: string; type: CustomValueType };

const CUSTOM_PREFIX = "custom.";

export function customColumnHeader({ key, type }: CustomColumn): string {
  return `${CUSTOM_PREFIX}${key}${type === "string" ? "" : `#${type}`}`;
}

export function parseCustomColumnHeader(header: string): CustomColumn | null {
  if (!header.startsWith(CUSTOM_PREFIX)) return null;
  const match = /^(.+?)(?:#(number|boolean|json))?$/.exec(header.slice(CUSTOM_PREFIX.length));
  if (!match) return null;
  return { key: match[1], type: (match[2] as CustomValueType | undefined) ?? "string" };
}

/** One column per key; a key whose values mix JSON types is carried as JSON text. */
export function customColumnsFrom(keyTypes: readonly { key: string; types: readonly string[] }[]): CustomColumn[] {
  return keyTypes
    .map(({ key, types }) => {
      const scalar = types.filter((t) => t !== "null");
      const type: CustomValueType = scalar.length === 1 && ["string", "number", "boolean"].includes(scalar[0]) ? (scalar[0] as CustomValueType) : scalar.length === 0 ? "string" : "json";
      return { key, type };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function csvHeader(customColumns: readonly CustomColumn[]): string[] {
  return [...CSV_BASE_COLUMNS, ...customColumns.map(customColumnHeader)];
}

/**
 * Cells a spreadsheet would run as a formula start with `= + - @`, a tab or a
 * carriage return; they get a leading `'`. A value that already starts with
 * `'` gets one more, so removing exactly one leading `'` on import gives back
 * every original value.
 */
const GUARDED_FIRST_CHARS = new Set(["=", "+", "-", "@", "\t", "\r", "'"].map((c) => c.charCodeAt(0)));

export function neutraliseCell(value: string): string {
  return GUARDED_FIRST_CHARS.has(value.charCodeAt(0)) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

/** The download's name: `acme-RR-000012-2026-11-20.csv`. */
export function csvFileName(portalAddress: string, ticketNumber: string, restoreDate: string): string {
  const slug = portalAddress.split(".")[0].replace(/[^a-z0-9-]+/gi, "-").toLowerCase() || "account";
  return `${slug}-${ticketNumber}-${restoreDate}.csv`;
}
