import "server-only";
import type { Db } from "@/lib/db/client";
import { ACCOUNT_TABLES } from "@/lib/account-data/tables";

export type StorageFigures = { live: bigint; versions: bigint; snapshots: number; accounts: number };

/**
 * What backups cost on disk, for every account in the database: the version
 * tables plus the snapshot rows against the live account tables, both as
 * tables + indexes (`pg_total_relation_size`).
 */
export async function storageFigures(db: Db): Promise<StorageFigures> {
  const size = async (names: string[]) => {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT coalesce(sum(pg_total_relation_size(quote_ident(t))), 0)::bigint AS n FROM unnest($1::text[]) t`, names);
    return row.n;
  };
  const live = await size(ACCOUNT_TABLES.map((t) => t.table));
  const versions = await size([...ACCOUNT_TABLES.map((t) => t.versionTable), "snapshot"]);
  const [{ snapshots, accounts }] = await db.$queryRaw<{ snapshots: bigint; accounts: bigint }[]>`SELECT count(*) AS snapshots, count(DISTINCT "accountId") AS accounts FROM snapshot`;
  return { live, versions, snapshots: Number(snapshots), accounts: Number(accounts) };
}

/** One line for people: "91 snapshots of 13 accounts: 9.1 MB for 11.0 MB of live data (0.83×)". */
export function describeStorage(f: StorageFigures): string {
  const mb = (bytes: bigint) => `${(Number(bytes) / 1024 / 1024).toFixed(1)} MB`;
  return `${f.snapshots} snapshots of ${f.accounts} accounts: ${mb(f.versions)} (versions + snapshot rows, tables + indexes) for ${mb(f.live)} of live data (${(Number(f.versions) / Number(f.live)).toFixed(2)}×)`;
}
