import pg from "pg";

// The e2e server's embedded database (see playwright.config.ts).
const port = Number(process.env.E2E_PORT ?? 3210) + 1000;
const url = `postgres://postgres:postgres@localhost:${port}/restoredesk`;
export const e2eDatabaseUrl = url;

/** Runs one query on the e2e database and returns its rows. */
export async function queryRows<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Holds an account's data lock — the one a full restore must take — until
 * `release` is called: a started restore waits, visibly RUNNING, so a test
 * can look at the account while it runs. The same lock the app uses.
 */
export async function holdAccountLock(portalSlug: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM account WHERE "portalAddress" = $1`, [`${portalSlug}.crm.example`]);
  await client.query(`SELECT pg_advisory_lock(hashtextextended('account-data:' || $1::text, 0))`, [rows[0].id]);
  return {
    release: async () => {
      await client.query(`SELECT pg_advisory_unlock_all()`);
      await client.end();
    },
  };
}

/** Every table's row count and sum of row hashes (rate-limit counters aside): equal fingerprints, unchanged data. */
export async function databaseFingerprint(): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: tables } = await client.query<{ t: string }>(
    // Left out: throttling counters, and the tables the server's background worker writes on its own
    // clock (the email outbox's delivery state, backup-expiry warnings). Every notification a request
    // causes comes with a timeline event, and ticket_event is in the fingerprint.
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('rate_limit_bucket', '_prisma_migrations', 'email_outbox', 'notification') ORDER BY 1`,
  );
  const parts: string[] = [];
  for (const { t } of tables) {
    const { rows } = await client.query<{ h: string }>(`SELECT count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)::numeric), 0) AS h FROM "${t}" x`);
    parts.push(`${t}=${rows[0].h}`);
  }
  await client.end();
  return parts.join(";");
}

/** A superuser connection to the server's maintenance database (for simulating outages). */
export const maintenanceClient = () => new pg.Client({ connectionString: url.replace(/\/restoredesk$/, "/postgres") });

/** Deletes `n` Acme contacts that are in Acme's latest restore CSV (read from the e2e file storage); returns their ids. */
export async function deleteContactsOfLatestAcmeFile(n: number): Promise<string[]> {
  const { readFile } = await import("node:fs/promises");
  const { parse } = await import("csv-parse/sync");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ storagePath: string; accountId: string }>(
      `SELECT f."storagePath", f."accountId" FROM csv_file f JOIN account a ON a.id = f."accountId" WHERE a."portalAddress" = 'acme.crm.example' ORDER BY f."createdAt" DESC LIMIT 1`,
    );
    const records: { type: string; id: string }[] = parse(await readFile(`.test-data/e2e/files/${rows[0].storagePath}`), { bom: true, columns: true });
    const ids = records.filter((r) => r.type === "contact").map((r) => r.id);
    const { rows: deleted } = await client.query<{ id: string }>(
      `DELETE FROM crm_contact WHERE id IN (SELECT id FROM crm_contact WHERE "accountId" = $1 AND id = ANY($2::uuid[]) ORDER BY id LIMIT $3) RETURNING id::text`,
      [rows[0].accountId, ids, n],
    );
    return deleted.map((d) => d.id);
  } finally {
    await client.end();
  }
}

export async function contactsExist(ids: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM crm_contact WHERE id = ANY($1::uuid[])`, [ids]);
  await client.end();
  return Number(rows[0].n);
}

/** Acme's newest backup in the backup browser: deleted records since, and one of them on its own page. */
export async function acmeBackupPaths(): Promise<string[]> {
  const [backup] = await queryRows<{ id: string; record: string }>(
    `SELECT s.id, (SELECT v.id FROM crm_product_version v WHERE v."accountId" = s."accountId" AND v."validFrom" <= s.seq AND (v."validTo" IS NULL OR v."validTo" > s.seq) LIMIT 1) AS record
     FROM snapshot s JOIN account a ON a.id = s."accountId"
     WHERE a."portalAddress" = 'acme.crm.example' AND s.kind <> 'SAFETY' AND s."takenAt" <= now() ORDER BY s."takenAt" DESC LIMIT 1`,
  );
  return [`/recovery/backups/${backup.id}?status=DELETED`, `/recovery/backups/${backup.id}?q=a&type=contact`, `/recovery/backups/${backup.id}/product/${backup.record}`];
}
