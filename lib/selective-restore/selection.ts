/**
 * A selective restore's choice — what comes back and how — and what it means
 * table by table. Pure: the SQL that carries it out is restore-selection.ts.
 */
import { z } from "@/lib/zod";
import type { AccountTableKey } from "@/lib/account-data/tables";

/** The data types an admin can choose, in the order the form lists them. */
export const SELECTIVE_TYPES = ["contact", "company", "deal", "lead", "task", "product", "customField"] as const;
export type SelectiveType = (typeof SELECTIVE_TYPES)[number];

/** Records that carry activities, comments and history of their own (their `entityType`). */
export const TYPES_WITH_RELATED = ["contact", "company", "deal", "lead"] as const;
export const RELATED_TABLES = ["activity", "comment", "history"] as const satisfies readonly AccountTableKey[];

/** Records that can be picked one by one in the backup browser. */
export const PICKABLE_TYPES = ["contact", "company", "deal", "lead", "task", "product"] as const;
export type PickableType = (typeof PICKABLE_TYPES)[number];
export const isPickableType = (value: string): value is PickableType => (PICKABLE_TYPES as readonly string[]).includes(value);

/**
 * - MISSING: bring back deleted records; never touches what exists now.
 * - MISSING_AND_CHANGED: also put changed records back as they were.
 * - EXACT: make the chosen data exactly as in the backup (records added since go too).
 */
export const SELECTIVE_MODES = ["MISSING", "MISSING_AND_CHANGED", "EXACT"] as const;
export type SelectiveMode = (typeof SELECTIVE_MODES)[number];

export const MAX_PICKED_RECORDS = 10_000;

export type Selection = {
  mode: SelectiveMode;
  /** Activities, comments and history of the chosen contacts, companies, deals and leads. */
  withRelated: boolean;
} & ({ scope: "TYPES"; types: SelectiveType[] } | { scope: "RECORDS"; records: Partial<Record<PickableType, string[]>> });

const unique = <T>(values: T[]) => [...new Set(values)];

/** Messages are keys of "errors.codes". */
export const ZSelection = z.discriminatedUnion("scope", [
  z.object({
    scope: z.literal("TYPES"),
    mode: z.enum(SELECTIVE_MODES, { error: "selectionModeInvalid" }),
    withRelated: z.boolean(),
    types: z.array(z.enum(SELECTIVE_TYPES, { error: "selectionTypeUnknown" }), { error: "selectionEmpty" }).min(1, { error: "selectionEmpty" }).transform(unique),
  }),
  z.object({
    scope: z.literal("RECORDS"),
    mode: z.enum(SELECTIVE_MODES, { error: "selectionModeInvalid" }),
    withRelated: z.boolean(),
    records: z
      .partialRecord(z.enum(PICKABLE_TYPES, { error: "selectionTypeUnknown" }), z.array(z.guid({ error: "selectionRecordInvalid" })).transform(unique))
      .refine((r) => Object.values(r).some((ids) => ids && ids.length > 0), { error: "selectionEmpty" })
      .refine((r) => Object.values(r).reduce((n, ids) => n + (ids?.length ?? 0), 0) <= MAX_PICKED_RECORDS, { error: "selectionTooManyRecords" }),
  }),
  // Not a selection at all (no object, an unknown scope): nothing was chosen.
], { error: "selectionEmpty" });

/** A stored selection (the ticket's JSON), or null when it is not one. */
export function parseSelection(value: unknown): Selection | null {
  const parsed = ZSelection.safeParse(value);
  return parsed.success ? (parsed.data as Selection) : null;
}

/** Which rows of one table a selection covers. */
export type TableScope =
  | { table: AccountTableKey; kind: "ALL" }
  | { table: AccountTableKey; kind: "IDS"; ids: string[] }
  /** Activities, comments, history: of every record of `types`, and of the records `pairs` names ("contact:<id>"). */
  | { table: AccountTableKey; kind: "RELATED"; types: string[]; pairs: string[] };

/** The tables a selection touches and the rows of each, in the order a restore processes tables. */
export function tableScopes(selection: Selection, tableOrder: readonly AccountTableKey[]): TableScope[] {
  const scopes = new Map<AccountTableKey, TableScope>();
  if (selection.scope === "TYPES") {
    for (const type of selection.types) scopes.set(type, { table: type, kind: "ALL" });
    const parents = selection.types.filter((t): t is (typeof TYPES_WITH_RELATED)[number] => (TYPES_WITH_RELATED as readonly string[]).includes(t));
    if (selection.withRelated && parents.length > 0) {
      for (const related of RELATED_TABLES) scopes.set(related, { table: related, kind: "RELATED", types: parents, pairs: [] });
    }
  } else {
    const pairs: string[] = [];
    for (const type of PICKABLE_TYPES) {
      const ids = selection.records[type] ?? [];
      if (ids.length === 0) continue;
      scopes.set(type, { table: type, kind: "IDS", ids });
      if ((TYPES_WITH_RELATED as readonly string[]).includes(type)) pairs.push(...ids.map((id) => `${type}:${id}`));
    }
    if (selection.withRelated && pairs.length > 0) {
      for (const related of RELATED_TABLES) scopes.set(related, { table: related, kind: "RELATED", types: [], pairs });
    }
  }
  return tableOrder.filter((key) => scopes.has(key)).map((key) => scopes.get(key)!);
}

/** What a mode does to the rows in scope. */
export function modeEffects(mode: SelectiveMode): { bringBack: true; revert: boolean; remove: boolean } {
  return { bringBack: true, revert: mode !== "MISSING", remove: mode === "EXACT" };
}

/**
 * A restore that may remove or revert data needs four eyes (a lead approves
 * what another agent asked for) and makes the account read-only while it
 * runs; bringing back deleted records changes nothing that exists.
 */
export function rewritesExistingData(method: "CSV" | "FULL" | "SELECTIVE", selection: Selection | null): boolean {
  if (method === "FULL") return true;
  if (method === "CSV") return false;
  return !selection || selection.mode !== "MISSING";
}

/** How many records a selection names (picked records), or null for whole types. */
export function pickedCount(selection: Selection): number | null {
  if (selection.scope === "TYPES") return null;
  return Object.values(selection.records).reduce((n, ids) => n + (ids?.length ?? 0), 0);
}
