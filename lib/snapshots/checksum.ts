import { createHash } from "node:crypto";
import { ACCOUNT_TABLE_KEYS, type AccountTableKey } from "@/lib/account-data/tables";

export type TableChecksums = Record<AccountTableKey, string>;
export type TableCounts = Record<AccountTableKey, number>;

/** A table's checksum: row count and the sum of row fingerprints (order-independent). */
export function tableChecksum(count: number | bigint | string, fingerprintSum: string): string {
  return `${count}:${fingerprintSum}`;
}

/** One checksum for the whole account database, over the per-table ones in a fixed order. */
export function combineChecksums(checksums: TableChecksums): string {
  const hash = createHash("sha256");
  for (const key of ACCOUNT_TABLE_KEYS) hash.update(`${key}=${checksums[key]};`);
  return hash.digest("hex");
}

/** The row count a table checksum carries. */
export function checksumRowCount(checksum: string): number {
  return Number(checksum.split(":")[0]);
}

/**
 * A table checksum's two sums: count and fingerprint sum are additive, so a
 * snapshot's checksum is its predecessor's minus the versions it closed plus
 * the ones it wrote.
 */
export function splitChecksum(checksum: string): { count: bigint; sum: bigint } {
  const match = /^(\d+):(-?\d+)$/.exec(checksum);
  if (!match) throw new Error(`Not a table checksum: ${checksum}`);
  return { count: BigInt(match[1]), sum: BigInt(match[2]) };
}
