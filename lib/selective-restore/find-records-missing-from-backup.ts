import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { accountTable, ACCOUNT_TABLE_KEYS, quoteIdent, versionsAt, type AccountTableKey } from "@/lib/account-data/tables";
import { tableScopes, type Selection } from "@/lib/selective-restore/selection";

/**
 * Picked records that are not in the backup (another account's, made up, or
 * gone with the backup's retention): the first few per table, none when all
 * are there. Whole data types have nothing to miss.
 */
export async function findRecordsMissingFromBackup(
  db: DbOrTx,
  { accountId, seq, selection }: { accountId: string; seq: number; selection: Selection },
): Promise<{ table: AccountTableKey; ids: string[] } | null> {
  for (const scope of tableScopes(selection, ACCOUNT_TABLE_KEYS)) {
    if (scope.kind !== "IDS") continue;
    const ver = quoteIdent(accountTable(scope.table).versionTable);
    const missing = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT p.id::text AS id FROM unnest($3::uuid[]) p(id)
       WHERE NOT EXISTS (SELECT 1 FROM ${ver} s WHERE s."accountId" = $1::uuid AND s.id = p.id AND ${versionsAt("s", "$1::uuid", "$2")})
       ORDER BY 1 LIMIT 20`,
      accountId,
      seq,
      scope.ids,
    );
    if (missing.length > 0) return { table: scope.table, ids: missing.map((m) => m.id) };
  }
  return null;
}
