import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { ACCOUNT_TABLES, quoteIdent, rowFingerprint, versionsAt, type AccountTable, type AccountTableKey } from "@/lib/account-data/tables";
import type { PreviewFigures, TableFigures } from "@/lib/preview/preview-figures";
import { prisma } from "@/lib/db/prisma";

/** A human label for a row in examples. */
const LABEL: Record<AccountTableKey, string> = {
  company: `r.name`,
  contact: `r."firstName" || ' ' || r."lastName"`,
  deal: `r.title`,
  lead: `r.title || ' — ' || r.name`,
  activity: `r.subject`,
  comment: `left(r.body, 80)`,
  // Structured, so the page can say it in words (lib/preview/history-example.ts).
  history: `json_build_object('action', r.action, 'field', r.field, 'old', r."oldValue", 'new', r."newValue")::text`,
  task: `r.title`,
  product: `r.name || ' (' || r.sku || ')'`,
  customField: `r.label || ' (' || r.code || ')'`,
};

export type PreviewExample = { id: string; label: string };
export type TablePreview = TableFigures & { examples: { delete: PreviewExample[]; bringBack: PreviewExample[]; revert: PreviewExample[] } };
export type RestorePreview = { figures: PreviewFigures; tables: Record<AccountTableKey, TablePreview>; computedAt: Date };

const EXAMPLES = 3;

type Comparison = { del: bigint; back: bigint; revert: bigint; live: bigint; del_ids: string[] | null; back_ids: string[] | null; revert_ids: string[] | null };

async function previewTable(db: DbOrTx, table: AccountTable, accountId: string, seq: number, snapshotRows: number): Promise<TablePreview> {
  // Only rows that can differ are compared: rows written since the latest
  // snapshot (the change log) and rows with a version created or closed after
  // snapshot S. Every other row is the same live, in the latest snapshot and
  // in S. One pass per table: those live rows (index lookups by id)
  // fingerprinted now, fully joined with their versions at S and the stored
  // fingerprints; counts and a few example ids together.
  const ver = quoteIdent(table.versionTable);
  const [c] = await db.$queryRawUnsafe<Comparison[]>(
    `WITH candidates AS MATERIALIZED (
       SELECT id FROM account_row_change WHERE "accountId" = $1::uuid AND "tableKey" = $3
       UNION
       SELECT id FROM ${ver} v WHERE v."accountId" = $1::uuid AND (v."validFrom" > $2 OR v."validTo" > $2)
     ), l AS MATERIALIZED (
       SELECT t.id, ${rowFingerprint(table, "t")} AS h
       FROM candidates c CROSS JOIN LATERAL (SELECT * FROM ${quoteIdent(table.table)} x WHERE x.id = c.id AND x."accountId" = $1::uuid) t
     ), s AS MATERIALIZED (
       SELECT v.id, v."rowHash" AS h
       FROM candidates c CROSS JOIN LATERAL (SELECT v.id, v."rowHash" FROM ${ver} v WHERE v."accountId" = $1::uuid AND v.id = c.id AND ${versionsAt("v", "$1::uuid", "$2")}) v
     )
     SELECT count(*) FILTER (WHERE s.id IS NULL) AS del,
            count(*) FILTER (WHERE l.id IS NULL) AS back,
            count(*) FILTER (WHERE l.h <> s.h) AS revert,
            (SELECT count(*) FROM ${quoteIdent(table.table)} WHERE "accountId" = $1::uuid) AS live,
            (array_agg(l.id::text) FILTER (WHERE s.id IS NULL))[1:${EXAMPLES}] AS del_ids,
            (array_agg(s.id::text) FILTER (WHERE l.id IS NULL))[1:${EXAMPLES}] AS back_ids,
            (array_agg(l.id::text) FILTER (WHERE l.h <> s.h))[1:${EXAMPLES}] AS revert_ids
     FROM l FULL JOIN s ON s.id = l.id`,
    accountId,
    seq,
    table.key,
  );
  const label = LABEL[table.key];
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
  return {
    delete: Number(c.del),
    bringBack: Number(c.back),
    revert: Number(c.revert),
    live: Number(c.live),
    snapshot: snapshotRows,
    examples: { delete: del, bringBack: back, revert },
  };
}

/**
 * Compares the account's live rows with a snapshot, inside the database:
 * per table, how many rows a full restore would delete, bring back and revert,
 * with a few examples of each. Tables are compared concurrently.
 */
export async function computeRestorePreview({ db = prisma, accountId, snapshotId }: { db?: DbOrTx; accountId: string; snapshotId: string }): Promise<RestorePreview> {
  const computedAt = new Date();
  const snapshot = await db.snapshot.findUniqueOrThrow({ where: { id: snapshotId, accountId }, select: { seq: true, rowCounts: true } });
  const counts = snapshot.rowCounts as Record<AccountTableKey, number>;
  const previews = await Promise.all(ACCOUNT_TABLES.map((table) => previewTable(db, table, accountId, snapshot.seq, counts[table.key] ?? 0)));
  const tables = {} as Record<AccountTableKey, TablePreview>;
  const figures = {} as PreviewFigures;
  ACCOUNT_TABLES.forEach((table, i) => {
    tables[table.key] = previews[i];
    const { examples: _examples, ...numbers } = previews[i];
    figures[table.key] = numbers;
  });
  return { figures, tables, computedAt };
}
