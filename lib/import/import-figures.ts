import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { accountTable, columnList, quoteIdent, type AccountTable } from "@/lib/account-data/tables";
import type { RowProblem } from "@/lib/import/csv-rows";
import type { FileProblem } from "@/lib/import/file-problem";
import type { CsvItemType } from "@/lib/csv/csv-format";

export type TypeFigures = { rows: number; create: number; identical: number; differ: number };
export type ImportPreview = {
  fileProblem: FileProblem | null;
  problems: RowProblem[];
  problemCount: number;
  perType: Record<CsvItemType, TypeFigures> | null;
  sample: { line: number; type: string; id: string; label: string }[];
  /** Links (to a company or contact) whose other end exists neither in the CRM nor in the file. */
  missingLinks: number;
};

export const IMPORT_ORDER: CsvItemType[] = ["company", "contact", "deal", "lead"];
export const importTable = (type: CsvItemType): AccountTable => accountTable(type);

/** The staged row as the CRM table's row type (its columns, typed). */
export const populated = (table: AccountTable) => `jsonb_populate_record(NULL::${quoteIdent(table.table)}, s.data)`;
/** Equal to the live row, column by column (NULL-safe). */
export const sameAsLive = (table: AccountTable) => `ROW(${columnList(table, "p")}) IS NOT DISTINCT FROM ROW(${columnList(table, "l")})`;

const LABEL: Record<CsvItemType, string> = {
  company: `s.data->>'name'`,
  contact: `concat_ws(' ', s.data->>'firstName', s.data->>'lastName')`,
  deal: `s.data->>'title'`,
  lead: `concat_ws(' — ', s.data->>'title', s.data->>'name')`,
};

/**
 * What applying would do, per type, from the staged rows and the live CRM,
 * in SQL: rows to create (missing now), identical rows (skipped), rows that
 * differ (overwritten, or kept in "only missing" mode). Rows whose id belongs
 * to another account are taken out of the import here and reported.
 */
export async function computeImportFigures(db: DbOrTx, { importId, accountId }: { importId: string; accountId: string }) {
  const foreign = await db.$queryRawUnsafe<{ line: number }[]>(
    `DELETE FROM csv_import_row s WHERE s."importId" = $1::uuid AND (
       ${IMPORT_ORDER.map((type) => `(s.type = '${type}' AND EXISTS (SELECT 1 FROM ${quoteIdent(importTable(type).table)} o WHERE o.id = s.id AND o."accountId" <> $2::uuid))`).join(" OR ")})
     RETURNING s.line`,
    importId,
    accountId,
  );
  const perType = {} as Record<CsvItemType, TypeFigures>;
  // The four types are independent: compared side by side.
  await Promise.all(IMPORT_ORDER.map(async (type) => {
    const table = importTable(type);
    const [row] = await db.$queryRawUnsafe<{ rows: bigint; create: bigint; identical: bigint; differ: bigint }[]>(
      `SELECT count(*) AS rows, count(*) FILTER (WHERE l.id IS NULL) AS create,
              count(*) FILTER (WHERE l.id IS NOT NULL AND ${sameAsLive(table)}) AS identical,
              count(*) FILTER (WHERE l.id IS NOT NULL AND NOT (${sameAsLive(table)})) AS differ
       FROM csv_import_row s CROSS JOIN LATERAL ${populated(table)} p
       LEFT JOIN ${quoteIdent(table.table)} l ON l.id = s.id AND l."accountId" = $2::uuid
       WHERE s."importId" = $1::uuid AND s.type = '${type}'`,
      importId,
      accountId,
    );
    perType[type] = { rows: Number(row.rows), create: Number(row.create), identical: Number(row.identical), differ: Number(row.differ) };
  }));
  const [links] = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM csv_import_row s, LATERAL (VALUES (s.data->>'companyId', 'company'), (s.data->>'contactId', 'contact')) AS link(target, kind)
     WHERE s."importId" = $1::uuid AND s.type IN ('contact', 'deal') AND link.target IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM csv_import_row t WHERE t."importId" = $1::uuid AND t.type = link.kind AND t.id = link.target::uuid)
       AND NOT EXISTS (SELECT 1 FROM crm_company c WHERE link.kind = 'company' AND c.id = link.target::uuid AND c."accountId" = $2::uuid)
       AND NOT EXISTS (SELECT 1 FROM crm_contact c WHERE link.kind = 'contact' AND c.id = link.target::uuid AND c."accountId" = $2::uuid)`,
    importId,
    accountId,
  );
  const sample = await db.$queryRawUnsafe<ImportPreview["sample"]>(
    `SELECT s.line, s.type, s.id::text AS id, CASE s.type ${IMPORT_ORDER.map((t) => `WHEN '${t}' THEN ${LABEL[t]}`).join(" ")} END AS label
     FROM csv_import_row s WHERE s."importId" = $1::uuid ORDER BY s.line LIMIT 10`,
    importId,
  );
  return { perType, foreignLines: foreign.map((f) => f.line), missingLinks: Number(links.n), sample };
}
