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
