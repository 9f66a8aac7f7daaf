import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { ACCOUNT_TABLE_KEYS, ACCOUNT_TABLES, quoteIdent, rowFingerprint, versionsAt, type AccountTable, type AccountTableKey } from "@/lib/account-data/tables";
import { rowsAfterRestore, type PreviewFigures, type TableFigures } from "@/lib/preview/preview-figures";
import { scopeCondition } from "@/lib/selective-restore/scope-sql";
import { modeEffects, tableScopes, type Selection, type TableScope } from "@/lib/selective-restore/selection";
import { prisma } from "@/lib/db/prisma";
import { recordLabelSql } from "@/lib/account-data/record-label";

export type PreviewExample = { id: string; label: string };
export type TablePreview = TableFigures & { examples: { delete: PreviewExample[]; bringBack: PreviewExample[]; revert: PreviewExample[] } };
export type RestorePreview = { figures: PreviewFigures; tables: Record<AccountTableKey, TablePreview>; computedAt: Date };

const EXAMPLES = 3;

type Comparison = { del: bigint; back: bigint; revert: bigint; live: bigint; del_ids: string[] | null; back_ids: string[] | null; revert_ids: string[] | null };

/**
 * The ids of one table's rows that can differ between now and snapshot S, as
 * the CTE `candidates`: rows written since the latest snapshot (the change
 * log), rows whose version at S was closed after S (deleted or changed since;
 * the partial index on closed versions), and — unless only deleted and
 * changed rows are asked for (`added: false`) — rows with a version created
 * after S (added since; BRIN on validFrom). Every other row is the same live,
 * in the latest snapshot and in S. Parameters: $1 account, $2 S's sequence number.
 */
export function candidateIdsSql(table: AccountTable, { added = true }: { added?: boolean } = {}): string {
  const ver = quoteIdent(table.versionTable);
  return `candidates AS MATERIALIZED (
       SELECT id FROM account_row_change WHERE "accountId" = $1::uuid AND "tableKey" = '${table.key}'
       UNION
       SELECT id FROM ${ver} v WHERE v."accountId" = $1::uuid AND ${added ? `(v."validFrom" > $2 OR v."validTo" > $2)` : `v."validTo" > $2`}
     )`;
}

/**
 * The candidates (candidateIdsSql) as two relations: `l` (live rows, id and
 * fingerprint) and `s` (their versions at S, id and stored fingerprint).
 * Each candidate is looked up by id (the LIMIT keeps the planner from turning
 * the lookups into a hash join over the whole table: an id has at most one
 * live row and one version at S). Parameters: $1 account, $2 S's sequence
 * number, then the scope's. Full-join `l` and `s` on id: no `s` = added since, no `l` = deleted since,
 * different fingerprints = changed since.
 */
export function changedRowsSql(table: AccountTable, scope: TableScope | null, options: { added?: boolean } = {}): { sql: string; params: unknown[] } {
  const ver = quoteIdent(table.versionTable);
  const inLive = scope ? scopeCondition(scope, "x", 3) : { sql: "TRUE", params: [] };
  const inBackup = scope ? scopeCondition(scope, "v", 3) : { sql: "TRUE", params: [] };
  return {
    sql: `${candidateIdsSql(table, options)}, l AS MATERIALIZED (
       SELECT t.id, ${rowFingerprint(table, "t")} AS h
       FROM candidates c CROSS JOIN LATERAL (SELECT * FROM ${quoteIdent(table.table)} x WHERE x.id = c.id AND x."accountId" = $1::uuid AND ${inLive.sql} LIMIT 1) t
     ), s AS MATERIALIZED (
       SELECT v.id, v."rowHash" AS h
       FROM candidates c CROSS JOIN LATERAL (SELECT v.id, v."rowHash" FROM ${ver} v WHERE v."accountId" = $1::uuid AND v.id = c.id AND ${versionsAt("v", "$1::uuid", "$2")} AND ${inBackup.sql} LIMIT 1) v
     )`,
    // The same parameters serve both conditions: they differ only in their alias.
    params: inLive.params,
  };
}

async function previewTable(db: DbOrTx, table: AccountTable, accountId: string, seq: number, snapshotRows: number, scope: TableScope | null, added: boolean): Promise<TablePreview> {
  // One pass per table: the rows that can differ (changedRowsSql), fully
  // joined; counts and a few example ids together.
  const changed = changedRowsSql(table, scope, { added });
  const liveInScope = scope ? scopeCondition(scope, "x", 3).sql : "TRUE";
  const [c] = await db.$queryRawUnsafe<Comparison[]>(
    `WITH ${changed.sql}
     SELECT count(*) FILTER (WHERE s.id IS NULL) AS del,
            count(*) FILTER (WHERE l.id IS NULL) AS back,
            count(*) FILTER (WHERE l.h <> s.h) AS revert,
            (SELECT count(*) FROM ${quoteIdent(table.table)} x WHERE x."accountId" = $1::uuid AND ${liveInScope}) AS live,
            (array_agg(l.id::text) FILTER (WHERE s.id IS NULL))[1:${EXAMPLES}] AS del_ids,
            (array_agg(s.id::text) FILTER (WHERE l.id IS NULL))[1:${EXAMPLES}] AS back_ids,
            (array_agg(l.id::text) FILTER (WHERE l.h <> s.h))[1:${EXAMPLES}] AS revert_ids
     FROM l FULL JOIN s ON s.id = l.id`,
    accountId,
    seq,
    ...changed.params,
  );
  const label = recordLabelSql(table.key, "r");
  const labels = async (source: "live" | "snapshot", ids: string[] | null): Promise<PreviewExample[]> => {
    if (!ids?.length) return [];
    if (source === "live") {
      return db.$queryRawUnsafe<PreviewExample[]>(`SELECT r.id::text AS id, ${label} AS label FROM ${quoteIdent(table.table)} r WHERE r."accountId" = $1::uuid AND r.id = ANY($2::uuid[])`, accountId, ids);
    }
    return db.$queryRawUnsafe<PreviewExample[]>(
      `SELECT r.id::text AS id, ${label} AS label FROM ${quoteIdent(table.versionTable)} r WHERE ${versionsAt("r", "$1::uuid", "$2")} AND r.id = ANY($3::uuid[])`,
      accountId,
      seq,
      ids,
    );
  };
  const [del, back, revert] = await Promise.all([labels("live", c.del_ids), labels("snapshot", c.back_ids), labels("snapshot", c.revert_ids)]);
  const live = Number(c.live);
  const figures = { delete: Number(c.del), bringBack: Number(c.back), revert: Number(c.revert), live };
  // A scope's rows in the backup follow from the comparison; a whole table's are the snapshot's count.
  return { ...figures, snapshot: scope ? rowsAfterRestore({ ...figures, snapshot: 0 }) : snapshotRows, examples: { delete: del, bringBack: back, revert } };
}

const NOTHING: TablePreview = { delete: 0, bringBack: 0, revert: 0, live: 0, snapshot: 0, examples: { delete: [], bringBack: [], revert: [] } };

/**
 * Compares the account's live rows with a snapshot, inside the database:
 * per table, how many rows a restore would delete, bring back and revert,
 * with a few examples of each — a full restore's (every table), or a
 * selective restore's (the rows in its selection, and only what its mode
 * does: bringing back never deletes or reverts). Tables are compared concurrently.
 */
export async function computeRestorePreview({
  db = prisma,
  accountId,
  snapshotId,
  selection = null,
}: {
  db?: DbOrTx;
  accountId: string;
  snapshotId: string;
  selection?: Selection | null;
}): Promise<RestorePreview> {
  const computedAt = new Date();
  const snapshot = await db.snapshot.findUniqueOrThrow({ where: { id: snapshotId, accountId }, select: { seq: true, rowCounts: true } });
  const counts = snapshot.rowCounts as Record<AccountTableKey, number>;
  const scopes = selection ? new Map(tableScopes(selection, ACCOUNT_TABLE_KEYS).map((scope) => [scope.table, scope])) : null;
  const effects = selection ? modeEffects(selection.mode) : { revert: true, remove: true };
  const previews = await Promise.all(
    ACCOUNT_TABLES.map(async (table) => {
      const scope = scopes ? scopes.get(table.key) : null;
      if (scope === undefined) return NOTHING;
      const preview = await previewTable(db, table, accountId, snapshot.seq, counts[table.key] ?? 0, scope, effects.remove);
      if (effects.remove && effects.revert) return preview;
      // What the mode leaves alone stays as it is now.
      const kept = { delete: effects.remove ? preview.delete : 0, revert: effects.revert ? preview.revert : 0 };
      return { ...preview, ...kept, snapshot: preview.live - kept.delete + preview.bringBack, examples: { ...preview.examples, delete: kept.delete ? preview.examples.delete : [], revert: kept.revert ? preview.examples.revert : [] } };
    }),
  );
  const tables = {} as Record<AccountTableKey, TablePreview>;
  const figures = {} as PreviewFigures;
  ACCOUNT_TABLES.forEach((table, i) => {
    tables[table.key] = previews[i];
    const { examples: _examples, ...numbers } = previews[i];
    figures[table.key] = numbers;
  });
  return { figures, tables, computedAt };
}
