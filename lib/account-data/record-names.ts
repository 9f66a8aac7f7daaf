import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { recordLabelSql } from "@/lib/account-data/record-label";
import { accountTable, quoteIdent, versionsAt, type AccountTableKey } from "@/lib/account-data/tables";

/**
 * Records' names by id, in one query: as a backup has them (`seq`, the
 * backup's sequence number) or as they are now. Ids of another account or
 * of nothing are simply absent.
 */
export async function recordNames(db: DbOrTx, { accountId, type, ids, seq }: { accountId: string; type: AccountTableKey; ids: string[]; seq?: number }): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const table = accountTable(type);
  const rows =
    seq === undefined
      ? await db.$queryRawUnsafe<{ id: string; label: string }[]>(
          `SELECT r.id::text AS id, ${recordLabelSql(type, "r")} AS label FROM ${quoteIdent(table.table)} r WHERE r."accountId" = $1::uuid AND r.id = ANY($2::uuid[])`,
          accountId,
          ids,
        )
      : await db.$queryRawUnsafe<{ id: string; label: string }[]>(
          `SELECT r.id::text AS id, ${recordLabelSql(type, "r")} AS label FROM ${quoteIdent(table.versionTable)} r WHERE ${versionsAt("r", "$1::uuid", "$2")} AND r.id = ANY($3::uuid[])`,
          accountId,
          seq,
          ids,
        );
  return new Map(rows.map((r) => [r.id, r.label]));
}
