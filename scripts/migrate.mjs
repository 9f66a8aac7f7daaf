// Applies pending migrations to DATABASE_URL and records them in
// _prisma_migrations, exactly as `prisma migrate deploy` would; then the job
// queue's schema.
import { PrismaPg } from "@prisma/adapter-pg";
import { Logger, runMigrations } from "graphile-worker";
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
// The job queue's own schema (graphile_worker), installed and upgraded by the
// queue itself: web servers add jobs in their transactions before any worker started.
await runMigrations({ connectionString: url, logger: quietLogger() });
process.exit(0);

/** graphile-worker logs every check at info level; only problems matter here. */
function quietLogger() {
  return new Logger(() => (level, message) => {
    if (level === "error" || level === "warning") console.error(`[job queue] ${message}`);
  });
}
