// Applies pending migrations to DATABASE_URL and records them in
// _prisma_migrations, exactly as `prisma migrate deploy` would.
import { PrismaPg } from "@prisma/adapter-pg";
import { loadMigrationsList, noFilters, openSchemaEngine } from "./lib/schema-engine.mjs";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm run db:migrate sets it for you).");
  process.exit(2);
}

const engine = await openSchemaEngine(new PrismaPg({ connectionString: url }));
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
