import "server-only";
import { reachFaultPoint } from "@/lib/faults/reach-fault-point";
import { lockAccountForWrite } from "@/lib/account-data/account-lock";
import { columnList, quoteIdent } from "@/lib/account-data/tables";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { IMPORT_ORDER, importTable, populated } from "@/lib/import/import-figures";
import type { ImportPreview } from "@/lib/import/import-figures";
import type { CsvItemType } from "@/lib/csv/csv-format";

export type AppliedFigures = Record<CsvItemType, { created: number; updated: number; skipped: number }> & { linksDropped: number };

const APPLY_TIMEOUT_MS = 10 * 60 * 1000;

/** The links each type carries, and the table each one points into. */
const LINKS: Record<CsvItemType, string[]> = { company: [], contact: ["companyId"], deal: ["companyId", "contactId"], lead: [] };
const LINK_TARGET: Record<string, string> = { companyId: "crm_company", contactId: "crm_contact" };

/** A link is kept only when its other end is in the account (after this import's earlier types). */
function linkExpr(column: string) {
  const c = `p.${quoteIdent(column)}`;
  return `CASE WHEN ${c} IS NOT NULL AND EXISTS (SELECT 1 FROM ${LINK_TARGET[column]} t WHERE t.id = ${c} AND t."accountId" = $2::uuid) THEN ${c} END`;
}

/**
 * Applies a previewed import in one transaction: all of it or nothing.
 * Companies first, then contacts, deals and leads, so links find their other
 * end. "Only missing" inserts rows whose id is absent; "overwrite" also
 * replaces this account's rows that differ. Another account's row is never
 * touched. Exactly once: the import moves from PREVIEW to APPLIED in the same
 * transaction. Refused while a restore holds the account.
 */
export async function applyImport({ db, accountId, importId }: { db: Db; accountId: string; importId: string }): Promise<AppliedFigures> {
  const applied = await db.$transaction(
    async (tx) => {
      await lockAccountForWrite(tx, accountId);
      const draft = await tx.csvImport.findFirst({ where: { id: importId, accountId } });
      if (!draft) throw new AppError("NOT_FOUND", "IMPORT_NOT_FOUND");
      if (draft.status !== "PREVIEW") throw new AppError("CONFLICT", "IMPORT_ALREADY_DONE");
      // A file with any invalid row is not applied in part: the admin fixes it and uploads again.
      const preview = draft.preview as ImportPreview | null;
      if (!preview || preview.fileProblem || preview.problemCount > 0) throw new AppError("INVALID_STATE", "IMPORT_HAS_PROBLEMS");

      const figures = { linksDropped: 0 } as AppliedFigures;
      for (const type of IMPORT_ORDER) {
        // A fault point per table (`IMPORTING:contact`: the tables before it written).
        await reachFaultPoint(`IMPORTING:${type}`);
        const table = importTable(type);
        const links = LINKS[type];
        // The staged rows, typed once; links kept only when their other end exists.
        const source = table.columns.map((c) => (links.includes(c) ? `${linkExpr(c)} AS ${quoteIdent(c)}` : `p.${quoteIdent(c)}`));
        const dropped = links.length ? links.map((c) => `(p.${quoteIdent(c)} IS NOT NULL AND ${linkExpr(c)} IS NULL)::int`).join(" + ") : "0";
        const update = table.columns.filter((c) => c !== "id").map((c) => `${quoteIdent(c)} = EXCLUDED.${quoteIdent(c)}`).join(", ");
        const conflict =
          draft.mode === "OVERWRITE"
            ? `DO UPDATE SET ${update} WHERE l."accountId" = $2::uuid AND ROW(${columnList(table, "l")}) IS DISTINCT FROM ROW(${table.columns.map((c) => `EXCLUDED.${quoteIdent(c)}`).join(", ")})`
            : "DO NOTHING";
        const [result] = await tx.$queryRawUnsafe<{ created: bigint; updated: bigint; staged: bigint; dropped: bigint }[]>(
          `WITH src AS MATERIALIZED (
             SELECT ${source.join(", ")}, ${dropped} AS dropped_links
             FROM csv_import_row s CROSS JOIN LATERAL ${populated(table)} p
             WHERE s."importId" = $1::uuid AND s.type = '${type}'),
           written AS (
             INSERT INTO ${quoteIdent(table.table)} AS l ("accountId", ${columnList(table)})
             SELECT $2::uuid, ${columnList(table)} FROM src
             ON CONFLICT (id) ${conflict}
             RETURNING (xmax = 0) AS inserted)
           SELECT (SELECT count(*) FROM written WHERE inserted) AS created, (SELECT count(*) FROM written WHERE NOT inserted) AS updated,
                  (SELECT count(*) FROM src) AS staged, (SELECT coalesce(sum(dropped_links), 0) FROM src) AS dropped`,
          importId,
          accountId,
        );
        const created = Number(result.created);
        const updated = Number(result.updated);
        figures[type] = { created, updated, skipped: Number(result.staged) - created - updated };
        figures.linksDropped += Number(result.dropped);
      }
      const done = await tx.csvImport.updateMany({ where: { id: importId, status: "PREVIEW" }, data: { status: "APPLIED", appliedAt: new Date(), figures } });
      if (done.count !== 1) throw new AppError("CONFLICT", "IMPORT_ALREADY_DONE");
      await tx.csvImportRow.deleteMany({ where: { importId } });
      await reachFaultPoint("BEFORE_COMMIT");
      return figures;
    },
    { timeout: APPLY_TIMEOUT_MS, maxWait: 30_000 },
  );
  await reachFaultPoint("AFTER_COMMIT");
  return applied;
}

/** Drops a preview nobody wants: its staged rows go, the record stays (history). */
export async function discardImport({ db, accountId, importId }: { db: Db; accountId: string; importId: string }) {
  const done = await db.csvImport.updateMany({ where: { id: importId, accountId, status: "PREVIEW" }, data: { status: "DISCARDED" } });
  if (done.count !== 1) throw new AppError("NOT_FOUND", "IMPORT_NOT_FOUND");
  await db.csvImportRow.deleteMany({ where: { importId } });
}
