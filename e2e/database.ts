import pg from "pg";

// The e2e server's embedded database (see playwright.config.ts).
const port = Number(process.env.E2E_PORT ?? 3210) + 1000;
const url = `postgres://postgres:postgres@localhost:${port}/restoredesk`;

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
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('rate_limit_bucket', '_prisma_migrations') ORDER BY 1`,
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
