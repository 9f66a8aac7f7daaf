import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { accountTable, ACCOUNT_TABLE_KEYS, columnList, quoteIdent, rowFingerprint, versionsAt, type AccountTable, type AccountTableKey } from "@/lib/account-data/tables";
import { candidateIdsSql, changedRowsSql } from "@/lib/preview/restore-preview";
import { SnapshotMismatchError, type PhaseSummary } from "@/lib/restore/restore-account-from-snapshot";
import { RunFailedError } from "@/lib/restore/run-outcome";
import type { RunProgressUpdate } from "@/lib/restore/run-progress";
import { findRecordsMissingFromBackup } from "@/lib/selective-restore/find-records-missing-from-backup";
import { scopeCondition } from "@/lib/selective-restore/scope-sql";
import { modeEffects, tableScopes, type Selection, type TableScope } from "@/lib/selective-restore/selection";
import { copyAccountIntoSnapshot } from "@/lib/snapshots/take-snapshot";

export type SelectiveTableFigures = { broughtBack: number; reverted: number; removed: number };
/** A restored record whose linked company or contact neither came back nor exists: the link was emptied. */
export type EmptiedLink = { table: "contact" | "deal"; id: string; field: "companyId" | "contactId" };
export type SelectiveRestoreFigures = {
  safetySnapshotId: string;
  tables: Partial<Record<AccountTableKey, SelectiveTableFigures>>;
  /** The first EMPTIED_LINKS_LISTED of them; the count is exact. */
  emptiedLinks: EmptiedLink[];
  emptiedLinkCount: number;
};

/** Links a restored record may hold to another record, by table. */
const LINKS: Partial<Record<AccountTableKey, { field: EmptiedLink["field"]; target: AccountTableKey }[]>> = {
  contact: [{ field: "companyId", target: "company" }],
  deal: [
    { field: "companyId", target: "company" },
    { field: "contactId", target: "contact" },
  ],
};
/** The ticket lists emptied links up to this many. */
const EMPTIED_LINKS_LISTED = 200;

const rowOf = (table: AccountTable, alias: string) => `ROW(${columnList(table, alias)})`;

/**
 * One table's part, set-based and limited to the scope and to the rows that
 * can differ from the backup at all (candidateIdsSql — the change log and the
 * versions created or closed after it; every other row is already as in the
 * backup): changed rows that are in the backup go (revert), rows absent from
 * the backup go (exact), then the backup's rows missing now come (back).
 * Every written id is noted in `selective_written` for the verification.
 */
async function restoreTable(tx: DbOrTx, scope: TableScope, selection: Selection, accountId: string, seq: number): Promise<SelectiveTableFigures> {
  const table = accountTable(scope.table);
  const live = quoteIdent(table.table);
  const ver = quoteIdent(table.versionTable);
  const effects = modeEffects(selection.mode);
  const inBackup = scopeCondition(scope, "s", 3);
  const inLive = scopeCondition(scope, "l", 3);
  // Rows added since matter only when they are to be removed.
  const candidates = `WITH ${candidateIdsSql(table, { added: effects.remove })}`;

  let reverted = 0;
  let removed = 0;
  if (effects.revert) {
    reverted = await tx.$executeRawUnsafe(
      `${candidates} DELETE FROM ${live} l USING ${ver} s
       WHERE l."accountId" = $1::uuid AND s.id IN (SELECT id FROM candidates) AND ${versionsAt("s", "$1::uuid", "$2")} AND ${inBackup.sql}
         AND s.id = l.id AND ${rowOf(table, "s")} IS DISTINCT FROM ${rowOf(table, "l")}`,
      accountId,
      seq,
      ...inBackup.params,
    );
  }
  if (effects.remove) {
    removed = await tx.$executeRawUnsafe(
      `${candidates} DELETE FROM ${live} l WHERE l."accountId" = $1::uuid AND l.id IN (SELECT id FROM candidates) AND ${inLive.sql}
         AND NOT EXISTS (SELECT 1 FROM ${ver} s WHERE s."accountId" = $1::uuid AND s.id = l.id AND ${versionsAt("s", "$1::uuid", "$2")})`,
      accountId,
      seq,
      ...inLive.params,
    );
  }
  const [{ n }] = await tx.$queryRawUnsafe<{ n: bigint }[]>(
    `${candidates}, written AS (
       INSERT INTO ${live} ("accountId", ${columnList(table)})
       SELECT s."accountId", ${columnList(table, "s")} FROM ${ver} s
       WHERE s."accountId" = $1::uuid AND s.id IN (SELECT id FROM candidates) AND ${versionsAt("s", "$1::uuid", "$2")} AND ${inBackup.sql}
         AND NOT EXISTS (SELECT 1 FROM ${live} l WHERE l.id = s.id)
       RETURNING id
     ), noted AS (INSERT INTO selective_written ("table", id) SELECT '${table.key}', id FROM written RETURNING 1)
     SELECT count(*)::bigint AS n FROM noted`,
    accountId,
    seq,
    ...inBackup.params,
  );
  return { broughtBack: Number(n) - reverted, reverted, removed };
}

/**
 * What was written equals the backup (count and fingerprint sum of the written
 * rows, both sides), and — when the restore may revert or remove — every
 * backup row in scope that can differ is now there unchanged and nothing else
 * in scope is (the candidates again: our own writes are in the change log).
 */
async function verifyTable(tx: DbOrTx, scope: TableScope, selection: Selection, accountId: string, seq: number): Promise<void> {
  const table = accountTable(scope.table);
  const live = quoteIdent(table.table);
  const ver = quoteIdent(table.versionTable);
  const [written] = await tx.$queryRawUnsafe<{ live_n: bigint; live_s: string; backup_n: bigint; backup_s: string }[]>(
    `SELECT (SELECT count(*) FROM selective_written w JOIN ${live} l ON l.id = w.id WHERE w."table" = $3 AND l."accountId" = $1::uuid)::bigint AS live_n,
            (SELECT coalesce(sum(${rowFingerprint(table, "l")}::numeric), 0) FROM selective_written w JOIN ${live} l ON l.id = w.id WHERE w."table" = $3 AND l."accountId" = $1::uuid)::text AS live_s,
            (SELECT count(*) FROM selective_written w JOIN ${ver} s ON s."accountId" = $1::uuid AND s.id = w.id AND ${versionsAt("s", "$1::uuid", "$2")} WHERE w."table" = $3)::bigint AS backup_n,
            (SELECT coalesce(sum(${rowFingerprint(table, "s")}::numeric), 0) FROM selective_written w JOIN ${ver} s ON s."accountId" = $1::uuid AND s.id = w.id AND ${versionsAt("s", "$1::uuid", "$2")} WHERE w."table" = $3)::text AS backup_s`,
    accountId,
    seq,
    table.key,
  );
  if (written.live_n !== written.backup_n || written.live_s !== written.backup_s) {
    throw new SnapshotMismatchError(table.key, `${written.backup_n}:${written.backup_s}`, `${written.live_n}:${written.live_s}`);
  }
  const effects = modeEffects(selection.mode);
  // Bringing back only runs beside the account's writers (see execute-run.ts): what they change is theirs, not checked here.
  if (!effects.revert) return;
  const changed = changedRowsSql(table, scope, { added: effects.remove });
  const [state] = await tx.$queryRawUnsafe<{ different: bigint; added: bigint }[]>(
    `WITH ${changed.sql}
     SELECT count(*) FILTER (WHERE s.id IS NOT NULL AND (l.id IS NULL OR l.h <> s.h))::bigint AS different,
            count(*) FILTER (WHERE s.id IS NULL)::bigint AS added
     FROM l FULL JOIN s ON s.id = l.id`,
    accountId,
    seq,
    ...changed.params,
  );
  if (state.different > 0n) throw new SnapshotMismatchError(table.key, "0 rows differing", `${state.different} rows differing`);
  if (effects.remove && state.added > 0n) throw new SnapshotMismatchError(table.key, "0 rows added since", `${state.added} rows added since`);
}

/** Restored contacts and deals pointing at a record that is neither back nor there: the link is emptied, and named. */
async function emptyDanglingLinks(tx: DbOrTx, scopes: TableScope[], accountId: string): Promise<EmptiedLink[]> {
  const emptied: EmptiedLink[] = [];
  for (const scope of scopes) {
    for (const link of LINKS[scope.table] ?? []) {
      const table = accountTable(scope.table);
      const field = quoteIdent(link.field);
      const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
        `UPDATE ${quoteIdent(table.table)} l SET ${field} = NULL
         FROM selective_written w
         WHERE w."table" = $2 AND w.id = l.id AND l."accountId" = $1::uuid AND l.${field} IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM ${quoteIdent(accountTable(link.target).table)} t WHERE t.id = l.${field} AND t."accountId" = $1::uuid)
         RETURNING l.id::text AS id`,
        accountId,
        table.key,
      );
      for (const row of rows) emptied.push({ table: scope.table as EmptiedLink["table"], id: row.id, field: link.field });
    }
  }
  return emptied;
}

/**
 * A selective restore's data work, inside the caller's transaction (which
 * holds the account's lock): the picked records checked against the backup,
 * a safety snapshot (for undo), the chosen rows written set-based, what was
 * written verified against the backup, then links to records that are gone
 * emptied. Anything outside the selection is left as it is. A failure throws
 * and the caller's rollback leaves the account exactly as it was.
 */
export async function restoreSelection(
  tx: DbOrTx,
  {
    accountId,
    source,
    selection,
    onProgress,
    onPhaseDone,
  }: {
    accountId: string;
    source: { seq: number; rowCounts: Partial<Record<AccountTableKey, number>> };
    selection: Selection;
    onProgress: (update: RunProgressUpdate) => void | Promise<void>;
    onPhaseDone?: (summary: PhaseSummary) => Promise<void>;
  },
): Promise<SelectiveRestoreFigures> {
  const scopes = tableScopes(selection, ACCOUNT_TABLE_KEYS);
  // Picked records must all be in the backup; otherwise the run stops before changing anything, saying which.
  const missing = await findRecordsMissingFromBackup(tx, { accountId, seq: source.seq, selection });
  if (missing) throw new RunFailedError({ reason: "PICKED_RECORDS_GONE", table: missing.table, detail: `Not in the backup: ${missing.ids.join(", ")}` });
  const rowsTotal = scopes.reduce((n, s) => n + (source.rowCounts[s.table] ?? 0), 0);

  let safetyRows = 0;
  await onProgress({ phase: "SAFETY_SNAPSHOT", table: null, rowsDone: 0, rowsTotal });
  const safety = await copyAccountIntoSnapshot(tx, { accountId, kind: "SAFETY", onTable: (_key, rows) => void (safetyRows += rows) });
  await onPhaseDone?.({ phase: "SAFETY_SNAPSHOT", snapshotId: safety.id, rows: safetyRows });

  await tx.$executeRawUnsafe(`CREATE TEMP TABLE selective_written ("table" text NOT NULL, id uuid NOT NULL) ON COMMIT DROP`);
  const tables: SelectiveRestoreFigures["tables"] = {};
  let done = 0;
  for (const scope of scopes) {
    await onProgress({ phase: "REPLACING", table: scope.table, rowsDone: done, rowsTotal });
    tables[scope.table] = await restoreTable(tx, scope, selection, accountId, source.seq);
    done += source.rowCounts[scope.table] ?? 0;
  }
  const figures = Object.values(tables);
  await onPhaseDone?.({
    phase: "REPLACED",
    deleted: figures.reduce((n, t) => n + t.reverted + t.removed, 0),
    inserted: figures.reduce((n, t) => n + t.broughtBack + t.reverted, 0),
  });

  done = 0;
  for (const scope of scopes) {
    await onProgress({ phase: "VERIFYING", table: scope.table, rowsDone: done, rowsTotal });
    await verifyTable(tx, scope, selection, accountId, source.seq);
    done += source.rowCounts[scope.table] ?? 0;
  }
  await onProgress({ phase: "VERIFYING", table: null, rowsDone: rowsTotal, rowsTotal });
  await onPhaseDone?.({ phase: "VERIFIED", tables: scopes.length, rows: rowsTotal });

  const emptiedLinks = await emptyDanglingLinks(tx, scopes, accountId);
  return { safetySnapshotId: safety.id, tables, emptiedLinks: emptiedLinks.slice(0, EMPTIED_LINKS_LISTED), emptiedLinkCount: emptiedLinks.length };
}
