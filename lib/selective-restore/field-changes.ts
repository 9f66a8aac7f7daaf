/**
 * A record's fields for people — the editable columns and each custom field
 * by its key — its backup's value beside today's. Pure.
 */
import type { AccountTable } from "@/lib/account-data/tables";

export type FieldChange = { field: string; backup: string | null; now: string | null };

/** Set by the CRM itself, not by a person: never shown as a field. */
const NOT_EDITED = new Set(["id", "createdAt", "updatedAt", "customFields"]);

const text = (value: unknown): string | null => (value === null || value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value));

/** Every field of the record; `now` is null for a record that is gone. */
export function recordFields(table: Pick<AccountTable, "columns">, backup: Record<string, unknown>, now: Record<string, unknown> | null): (FieldChange & { changed: boolean })[] {
  const field = (name: string, b: unknown, n: unknown) => {
    const [backupText, nowText] = [text(b), now ? text(n) : null];
    return { field: name, backup: backupText, now: nowText, changed: now !== null && backupText !== nowText };
  };
  const fields = table.columns.filter((c) => !NOT_EDITED.has(c)).map((c) => field(c, backup[c], now?.[c]));
  if (table.columns.includes("customFields")) {
    const b = (backup.customFields ?? {}) as Record<string, unknown>;
    const n = (now?.customFields ?? {}) as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(b), ...Object.keys(n)])].sort()) fields.push(field(`customFields.${key}`, b[key], n[key]));
  }
  return fields;
}

/** Only the fields that differ between the backup and now. */
export function fieldChanges(table: Pick<AccountTable, "columns">, backup: Record<string, unknown>, now: Record<string, unknown>): FieldChange[] {
  return recordFields(table, backup, now)
    .filter((f) => f.changed)
    .map(({ changed: _changed, ...change }) => change);
}
