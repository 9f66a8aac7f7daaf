// Applies pending migrations to DATABASE_URL and records them in
// _prisma_migrations, exactly as `prisma migrate deploy` would.
import { PrismaPg } from "@prisma/adapter-pg";
import { loadMigrationsList, noFilters, openSchemaEngine } from "./lib/schema-engine.mjs";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm run db:migrate sets it for you).");
  process.exit(2);
}

/**
 * PrismaPg runs a migration script by splitting it on every ";", which breaks
 * function bodies ($$ … ; … $$). PostgreSQL's simple-query protocol runs a
 * whole multi-statement script itself, in one implicit transaction, so each
 * migration applies completely or not at all.
 */
class WholeScriptPgFactory extends PrismaPg {
  async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script) => {
      try {
        await adapter.client.query(script);
      } catch (error) {
        adapter.onError(error);
      }
    };
    return adapter;
  }
}

// UTC like the app: the snapshot fingerprint backfill hashes timestamptz text.
const engine = await openSchemaEngine(new WholeScriptPgFactory({ connectionString: url, options: "-c TimeZone=UTC" }));
const { appliedMigrationNames } = await engine.applyMigrations({
  migrationsList: loadMigrationsList(),
  filters: noFilters,
});
console.log(
  appliedMigrationNames.length
    ? `Applied migrations: ${appliedMigrationNames.join(", ")}`
    : "Database schema is up to date.",
);
process.exit(0);
