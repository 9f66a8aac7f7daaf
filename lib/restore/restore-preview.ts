import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { ACCOUNT_TABLES, quoteIdent, rowFingerprint, type AccountTable, type AccountTableKey } from "@/lib/account-data/tables";
import type { PreviewFigures, TableFigures } from "@/lib/restore/preview-figures";

/** A human label for a row in examples. */
const LABEL: Record<AccountTableKey, string> = {
  company: `r.name`,
  contact: `r."firstName" || ' ' || r."lastName"`,
  deal: `r.title`,
  lead: `r.title || ' — ' || r.name`,
  activity: `r.subject`,
  comment: `left(r.body, 80)`,
  history: `r.action || coalesce(' ' || r.field, '')`,
  task: `r.title`,
  product: `r.name || ' (' || r.sku || ')'`,
  customField: `r.label || ' (' || r.code || ')'`,
};

export type PreviewExample = { id: string; label: string };
export type TablePreview = TableFigures & { examples: { delete: PreviewExample[]; bringBack: PreviewExample[]; revert: PreviewExample[] } };
export type RestorePreview = { figures: PreviewFigures; tables: Record<AccountTableKey, TablePreview>; computedAt: Date };

const EXAMPLES = 3;

async function previewTable(db: DbOrTx, table: AccountTable, accountId: string, snapshotId: string): Promise<TablePreview> {
  const live = `SELECT id, ${rowFingerprint(table, "t")} AS h FROM ${quoteIdent(table.table)} t WHERE t."accountId" = $1::uuid`;
  const snap = `SELECT id, ${rowFingerprint(table, "t")} AS h FROM ${quoteIdent(table.snapshotTable)} t WHERE t."snapshotId" = $2::uuid`;
  // One pass: a full join of live and snapshot ids with row fingerprints.
  const [counts] = await db.$queryRawUnsafe<{ del: bigint; back: bigint; revert: bigint; live: bigint; snap: bigint }[]>(
    `SELECT count(*) FILTER (WHERE s.id IS NULL) AS del,
            count(*) FILTER (WHERE l.id IS NULL) AS back,
            count(*) FILTER (WHERE l.id IS NOT NULL AND s.id IS NOT NULL AND l.h <> s.h) AS revert,
            count(l.id) AS live, count(s.id) AS snap
     FROM (${live}) l FULL JOIN (${snap}) s ON s.id = l.id`,
    accountId,
    snapshotId,
  );
  const label = LABEL[table.key];
  const examples = (sql: string) => db.$queryRawUnsafe<PreviewExample[]>(sql, accountId, snapshotId, EXAMPLES);
  const [del, back, revert] = await Promise.all([
    examples(`SELECT r.id::text AS id, ${label} AS label FROM ${quoteIdent(table.table)} r
              WHERE r."accountId" = $1::uuid AND NOT EXISTS (SELECT 1 FROM ${quoteIdent(table.snapshotTable)} s WHERE s."snapshotId" = $2::uuid AND s.id = r.id)
              ORDER BY r."createdAt" DESC LIMIT $3`),
    examples(`SELECT r.id::text AS id, ${label} AS label FROM ${quoteIdent(table.snapshotTable)} r
              WHERE r."snapshotId" = $2::uuid AND NOT EXISTS (SELECT 1 FROM ${quoteIdent(table.table)} l WHERE l."accountId" = $1::uuid AND l.id = r.id)
              ORDER BY r."updatedAt" DESC LIMIT $3`),
    examples(`SELECT r.id::text AS id, ${label} AS label FROM ${quoteIdent(table.snapshotTable)} r
              JOIN ${quoteIdent(table.table)} l ON l.id = r.id AND l."accountId" = $1::uuid
              WHERE r."snapshotId" = $2::uuid AND ${rowFingerprint(table, "l")} <> ${rowFingerprint(table, "r")}
              ORDER BY l."updatedAt" DESC LIMIT $3`),
  ]);
  return {
    delete: Number(counts.del),
    bringBack: Number(counts.back),
    revert: Number(counts.revert),
    live: Number(counts.live),
    snapshot: Number(counts.snap),
    examples: { delete: del, bringBack: back, revert },
  };
}

/**
 * Compares the account's live rows with a snapshot, inside the database:
 * per table, how many rows a full restore would delete, bring back and revert,
 * with a few examples of each.
 */
export async function computeRestorePreview({ db, accountId, snapshotId }: { db: DbOrTx; accountId: string; snapshotId: string }): Promise<RestorePreview> {
  const tables = {} as Record<AccountTableKey, TablePreview>;
  const figures = {} as PreviewFigures;
  for (const table of ACCOUNT_TABLES) {
    tables[table.key] = await previewTable(db, table, accountId, snapshotId);
    const { examples: _examples, ...numbers } = tables[table.key];
    figures[table.key] = numbers;
  }
  return { figures, tables, computedAt: new Date() };
}
