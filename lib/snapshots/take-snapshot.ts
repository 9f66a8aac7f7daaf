import "server-only";
import type { Db, DbOrTx } from "@/lib/db/client";
import type { SnapshotKind } from "@/lib/generated/prisma/enums";
import { ACCOUNT_TABLES, columnList, quoteIdent, rowFingerprint } from "@/lib/account-data/tables";
import { combineChecksums, tableChecksum, type TableChecksums, type TableCounts } from "@/lib/snapshots/checksum";

export type TakeSnapshotOptions = {
  db: Db;
  accountId: string;
  kind: SnapshotKind;
  takenAt?: Date;
  /** Called after each table (for progress). */
  onTable?: (tableKey: string, rows: number) => void | Promise<void>;
};

export type SnapshotSummary = {
  id: string;
  takenAt: Date;
  rowCounts: TableCounts;
  checksums: TableChecksums;
  checksum: string;
  sizeBytes: bigint;
};

type TableCopyResult = { n: bigint; fingerprint_sum: string; bytes: bigint };

// Long enough for a million-row account on a small machine.
const SNAPSHOT_TIMEOUT_MS = 30 * 60 * 1000;

/**
 * Copies every table of one account's database into the snapshot tables,
 * inside the caller's transaction (a full restore takes its safety snapshot
 * this way). Each table is one INSERT … SELECT that stores each row's
 * fingerprint; its RETURNING feeds the row count, the checksum and the
 * measured size, so the data is read once.
 */
export async function copyAccountIntoSnapshot(
  tx: DbOrTx,
  { accountId, kind, takenAt = new Date(), onTable }: Omit<TakeSnapshotOptions, "db">,
): Promise<SnapshotSummary> {
  const snapshot = await tx.snapshot.create({
    data: { accountId, kind, takenAt, rowCounts: {}, checksums: {}, checksum: "", sizeBytes: 0n },
  });
  const rowCounts = {} as TableCounts;
  const checksums = {} as TableChecksums;
  let sizeBytes = 0n;
  for (const table of ACCOUNT_TABLES) {
    const cols = columnList(table);
    const [result] = await tx.$queryRawUnsafe<TableCopyResult[]>(
      `WITH copied AS (
         INSERT INTO ${quoteIdent(table.snapshotTable)} ("snapshotId", "accountId", ${cols}, "rowHash")
         SELECT $1::uuid, t."accountId", ${columnList(table, "t")}, ${rowFingerprint(table, "t")}
         FROM ${quoteIdent(table.table)} t WHERE t."accountId" = $2::uuid
         RETURNING "rowHash" AS h, pg_column_size(ROW(${columnList(table, quoteIdent(table.snapshotTable))})) AS sz
       )
       SELECT count(*)::bigint AS n, coalesce(sum(h::numeric), 0)::text AS fingerprint_sum,
              coalesce(sum(sz), 0)::bigint AS bytes
       FROM copied`,
      snapshot.id,
      accountId,
    );
    rowCounts[table.key] = Number(result.n);
    checksums[table.key] = tableChecksum(result.n, result.fingerprint_sum);
    sizeBytes += BigInt(result.bytes);
    await onTable?.(table.key, rowCounts[table.key]);
  }
  const checksum = combineChecksums(checksums);
  await tx.snapshot.update({ where: { id: snapshot.id }, data: { rowCounts, checksums, checksum, sizeBytes } });
  // The size support sees follows the measured size of the account's rows.
  await tx.$executeRaw`UPDATE account SET "databaseSizeBytes" = ${sizeBytes} + "externalDataBytes" WHERE id = ${accountId}::uuid`;
  return { id: snapshot.id, takenAt, rowCounts, checksums, checksum, sizeBytes };
}

/** Takes a snapshot in its own transaction: a failure leaves no partial snapshot. */
export async function takeSnapshot({ db, ...options }: TakeSnapshotOptions): Promise<SnapshotSummary> {
  return db.$transaction((tx) => copyAccountIntoSnapshot(tx, options), { timeout: SNAPSHOT_TIMEOUT_MS, maxWait: 60_000 });
}
