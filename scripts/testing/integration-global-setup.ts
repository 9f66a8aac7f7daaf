import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { withDatabase } from "../../lib/testing/with-database";
// @ts-expect-error plain ESM launcher module without types
import { startEmbeddedServer } from "../lib/database.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    dbServerUrl: string;
    templateDatabase: string;
  }
}

const root = path.resolve(__dirname, "../..");


/**
 * One PostgreSQL server per test run: the embedded one (fresh data directory),
 * or the server of TEST_DATABASE_URL. Migrations run once into a template
 * database; each test file clones it (see test-db.ts).
 */
export default async function setup(project: TestProject) {
  let serverUrl: string;
  let stopServer = async () => {};
  let dataDir: string | null = null;
  if (process.env.TEST_DATABASE_URL) {
    serverUrl = process.env.TEST_DATABASE_URL;
  } else {
    dataDir = path.join(root, ".test-data", `pg-${process.pid}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const server = await startEmbeddedServer({ dataDir });
    serverUrl = `${server.baseUrl}/postgres`;
    stopServer = server.stop;
  }
  const template = `rd_template_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();

  const migrated = spawnSync(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "scripts/migrate.mjs"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: withDatabase(serverUrl, template) },
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(`Migrating the template database failed:\n${migrated.stdout}\n${migrated.stderr}`);

  project.provide("dbServerUrl", serverUrl);
  project.provide("templateDatabase", template);

  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2",
      [template, `${template}_f%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.end();
    await stopServer();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
