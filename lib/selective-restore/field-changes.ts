/**
 * A record's fields that differ between its backup and now, for people: the
 * editable columns and each custom field by its key. Pure.
 */
import type { AccountTable } from "@/lib/account-data/tables";

export type FieldChange = { field: string; backup: string | null; now: string | null };

/** Set by the CRM itself, not by a person: never shown as a change. */
const NOT_EDITED = new Set(["id", "createdAt", "updatedAt", "customFields"]);

const text = (value: unknown): string | null => (value === null || value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value));

export function fieldChanges(table: Pick<AccountTable, "columns">, backup: Record<string, unknown>, now: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const column of table.columns) {
    if (NOT_EDITED.has(column)) continue;
    const [b, n] = [text(backup[column]), text(now[column])];
    if (b !== n) changes.push({ field: column, backup: b, now: n });
  }
  if (table.columns.includes("customFields")) {
    const b = (backup.customFields ?? {}) as Record<string, unknown>;
    const n = (now.customFields ?? {}) as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(b), ...Object.keys(n)])].sort()) {
      const [bv, nv] = [text(b[key]), text(n[key])];
      if (bv !== nv) changes.push({ field: `customFields.${key}`, backup: bv, now: nv });
    }
  }
  return changes;
}
