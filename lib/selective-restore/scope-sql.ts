/**
 * A table scope as a SQL condition on one row alias, with its parameters.
 * The condition reads only the row's own columns, so the same text filters
 * live rows and backup versions alike.
 */
import type { TableScope } from "@/lib/selective-restore/selection";

export type ScopeCondition = { sql: string; params: unknown[] };

/** `firstParam`: the condition's parameters are numbered from it ($n, $n+1). */
export function scopeCondition(scope: TableScope, alias: string, firstParam: number): ScopeCondition {
  const p = (offset: number) => `$${firstParam + offset}`;
  switch (scope.kind) {
    case "ALL":
      return { sql: "TRUE", params: [] };
    case "IDS":
      return { sql: `${alias}.id = ANY(${p(0)}::uuid[])`, params: [scope.ids] };
    case "RELATED":
      return {
        sql: `(${alias}."entityType" = ANY(${p(0)}::text[]) OR (${alias}."entityType" || ':' || ${alias}."entityId"::text) = ANY(${p(1)}::text[]))`,
        params: [scope.types, scope.pairs],
      };
  }
}
