import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * One advisory lock per account database, held for a transaction's length.
 * A full restore takes it exclusively; anything else that writes an
 * account's CRM data takes it shared. So while a restore runs the account is
 * read-only (writers are told so at once), and two restores never overlap.
 */
const KEY = `hashtextextended('account-data:' || $1::text, 0)`;

/** Waits for, then holds, the account's lock exclusively until the transaction ends. */
export async function lockAccountForRestore(tx: DbOrTx, accountId: string): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${KEY})::text`, accountId);
}

/**
 * Waits for, then holds, the lock shared: a restore that only adds back
 * what is missing runs beside the account's writers, never beside another restore.
 */
export async function lockAccountBesideWriters(tx: DbOrTx, accountId: string): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock_shared(${KEY})::text`, accountId);
}

/** Holds the lock shared; refuses at once when a restore is running on the account. */
export async function lockAccountForWrite(tx: DbOrTx, accountId: string): Promise<void> {
  const [row] = await tx.$queryRawUnsafe<{ ok: boolean }[]>(`SELECT pg_try_advisory_xact_lock_shared(${KEY}) AS ok`, accountId);
  if (!row.ok) throw new AppError("CONFLICT", "RESTORE_IN_PROGRESS");
}
