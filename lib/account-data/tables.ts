/**
 * The account database: every table a snapshot versions and a full restore
 * replaces, in dependency-free order. One list drives snapshots, restores,
 * previews and exports, so a new column cannot be forgotten by one of them
 * (a test compares this list with the live schema).
 */
export type AccountTable = {
  key: AccountTableKey;
  table: string;
  /** The table's history: one row per version, with the range of snapshots it belongs to. */
  versionTable: string;
  /** Every column except accountId, in schema order; `id` first. */
  columns: readonly string[];
  /** CRM items: listed by the CSV export. */
  crmItem: boolean;
};

export const ACCOUNT_TABLE_KEYS = [
  "company",
  "contact",
  "deal",
  "lead",
  "activity",
  "comment",
  "history",
  "task",
  "product",
  "customField",
] as const;
export type AccountTableKey = (typeof ACCOUNT_TABLE_KEYS)[number];

const TIMESTAMPS = ["createdAt", "updatedAt"] as const;

export const ACCOUNT_TABLES: readonly AccountTable[] = [
  {
    key: "company",
    table: "crm_company",
    versionTable: "crm_company_version",
    columns: ["id", "name", "industry", "website", "email", "phone", "city", "country", "customFields", ...TIMESTAMPS],
    crmItem: true,
  },
  {
    key: "contact",
    table: "crm_contact",
    versionTable: "crm_contact_version",
    columns: ["id", "companyId", "firstName", "lastName", "email", "phone", "position", "customFields", ...TIMESTAMPS],
    crmItem: true,
  },
  {
    key: "deal",
    table: "crm_deal",
    versionTable: "crm_deal_version",
    columns: ["id", "companyId", "contactId", "title", "stage", "amount", "currency", "closeDate", "customFields", ...TIMESTAMPS],
    crmItem: true,
  },
  {
    key: "lead",
    table: "crm_lead",
    versionTable: "crm_lead_version",
    columns: ["id", "title", "name", "email", "phone", "source", "status", "customFields", ...TIMESTAMPS],
    crmItem: true,
  },
  {
    key: "activity",
    table: "crm_activity",
    versionTable: "crm_activity_version",
    columns: ["id", "entityType", "entityId", "kind", "subject", "dueAt", "done", ...TIMESTAMPS],
    crmItem: false,
  },
  {
    key: "comment",
    table: "crm_comment",
    versionTable: "crm_comment_version",
    columns: ["id", "entityType", "entityId", "authorName", "body", ...TIMESTAMPS],
    crmItem: false,
  },
  {
    key: "history",
    table: "crm_history_entry",
    versionTable: "crm_history_entry_version",
    columns: ["id", "entityType", "entityId", "action", "field", "oldValue", "newValue", ...TIMESTAMPS],
    crmItem: false,
  },
  {
    key: "task",
    table: "crm_task",
    versionTable: "crm_task_version",
    columns: ["id", "title", "description", "status", "dueDate", "responsible", ...TIMESTAMPS],
    crmItem: false,
  },
  {
    key: "product",
    table: "crm_product",
    versionTable: "crm_product_version",
    columns: ["id", "name", "sku", "price", "currency", "active", ...TIMESTAMPS],
    crmItem: false,
  },
  {
    key: "customField",
    table: "crm_custom_field",
    versionTable: "crm_custom_field_version",
    columns: ["id", "entityType", "code", "label", "fieldType", ...TIMESTAMPS],
    crmItem: false,
  },
];

/** One table of the account database, by its key. */
export const accountTable = (key: AccountTableKey): AccountTable => ACCOUNT_TABLES.find((t) => t.key === key)!;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `"a", "b", …` optionally qualified with a table alias. */
export function columnList(table: AccountTable, alias?: string): string {
  const prefix = alias ? `${alias}.` : "";
  return table.columns.map((c) => prefix + quoteIdent(c)).join(", ");
}

/**
 * The expression whose hash is a row's fingerprint. Built from the same column
 * list on live and snapshot tables, so equal rows hash equally on both sides.
 */
export function rowFingerprint(table: AccountTable, alias: string): string {
  return `hashtextextended(ROW(${columnList(table, alias)})::text, 0)`;
}

/**
 * The rows of one snapshot: the versions of its account whose range contains
 * the snapshot's sequence number (validFrom ≤ seq < validTo, open when validTo
 * is null). Arguments are SQL expressions (parameters or escaped literals).
 */
export function versionsAt(alias: string, accountId: string, seq: string): string {
  return `${alias}."accountId" = ${accountId} AND ${alias}."validFrom" <= ${seq} AND (${alias}."validTo" IS NULL OR ${alias}."validTo" > ${seq})`;
}
