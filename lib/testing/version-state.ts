import { ACCOUNT_TABLES, quoteIdent } from "@/lib/account-data/tables";
import type { Db } from "@/lib/db/client";

/**
 * For tests: every version row of every table, one fingerprint per table. A
 * killed or failed snapshot must leave it exactly as it was (no half-closed
 * versions), so every earlier snapshot reads as before.
 */
export async function versionState(db: Db): Promise<string[]> {
  const out: string[] = [];
  for (const table of ACCOUNT_TABLES) {
    const [row] = await db.$queryRawUnsafe<{ s: string | null }[]>(
      `SELECT md5(string_agg(concat_ws(':', "accountId", id, "validFrom", "validTo", "rowHash"), ',' ORDER BY "accountId", id, "validFrom")) AS s FROM ${quoteIdent(table.versionTable)}`,
    );
    out.push(`${table.key}=${row.s}`);
  }
  return out;
}
