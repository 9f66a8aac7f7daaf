// Writes the next migration from the difference between the committed
// migrations and prisma/schema.prisma: `npm run db:migration -- <name>`.
// The engine needs a shadow database; an in-memory PGlite serves as one
// (this tool only; the app always runs on PostgreSQL).
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { loadMigrationsList, migrationsDir, noFilters, openSchemaEngine, readSchema, schemaPath } from "./lib/schema-engine.mjs";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(2);
}

const migrationsList = loadMigrationsList();
// The shadow database needs the extensions the migrations create.
const engine = await openSchemaEngine(new PrismaPGlite(new PGlite({ extensions: { pg_trgm } })));
const result = await engine.diff({
  from: migrationsList.migrationDirectories.length ? { tag: "migrations", ...migrationsList } : { tag: "empty" },
  to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: readSchema() }] },
  script: true,
  exitCode: null,
  filters: noFilters,
});
const sql = (result.stdout ?? "").trim();
if (!sql || /^-- This is an empty migration\.?$/.test(sql)) {
  console.log("No schema changes: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
process.exit(0);
