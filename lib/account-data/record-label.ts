import type { AccountTableKey } from "@/lib/account-data/tables";

/** A record's name as people know it, as SQL over a row alias (live rows and backup versions alike). */
export function recordLabelSql(key: AccountTableKey, r: string): string {
  switch (key) {
    case "company":
      return `${r}.name`;
    case "contact":
      return `${r}."firstName" || ' ' || ${r}."lastName"`;
    case "deal":
      return `${r}.title`;
    case "lead":
      return `${r}.title || ' — ' || ${r}.name`;
    case "activity":
      return `${r}.subject`;
    case "comment":
      return `left(${r}.body, 80)`;
    case "history":
      // Structured, so the page can say it in words (lib/preview/history-example.ts).
      return `json_build_object('action', ${r}.action, 'field', ${r}.field, 'old', ${r}."oldValue", 'new', ${r}."newValue")::text`;
    case "task":
      return `${r}.title`;
    case "product":
      return `${r}.name || ' (' || ${r}.sku || ')'`;
    case "customField":
      return `${r}.label || ' (' || ${r}.code || ')'`;
  }
}

/** A second line that tells two records of the same name apart (an email, a city, a SKU), or NULL. */
export function recordDetailSql(key: AccountTableKey, r: string): string {
  switch (key) {
    case "contact":
    case "lead":
      return `${r}.email`;
    case "company":
      return `${r}.city`;
    case "deal":
      return `${r}.stage`;
    case "task":
      return `${r}.status`;
    case "product":
      return `${r}.sku`;
    case "customField":
      return `${r}."entityType"`;
    default:
      return `NULL`;
  }
}

/**
 * What **Search this backup** matches, per type that can be picked: the
 * name, email, title or SKU as one text. The same expression, unqualified,
 * is the trigram index of each version table (migration
 * 20261201210000_backup_search), so a search is an index lookup.
 */
export function recordSearchTextSql(key: "contact" | "company" | "deal" | "lead" | "task" | "product", r?: string): string {
  const c = (column: string) => `coalesce(${r ? `${r}.` : ""}${column}, '')`;
  switch (key) {
    case "contact":
      return `(${c(`"firstName"`)} || ' ' || ${c(`"lastName"`)} || ' ' || ${c("email")})`;
    case "company":
      return `(${c("name")} || ' ' || ${c("email")})`;
    case "deal":
      return `(${c("title")})`;
    case "lead":
      return `(${c("title")} || ' ' || ${c("name")} || ' ' || ${c("email")})`;
    case "task":
      return `(${c("title")})`;
    case "product":
      return `(${c("name")} || ' ' || ${c("sku")})`;
  }
}
