import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { withDatabase } from "@/lib/testing/with-database";

export type TestDatabase = { db: Db; url: string };

/**
 * A fresh database for the calling test file, cloned from the migrated
 * template (fast, and fully isolated from other files).
 */
export function useTestDatabase(): TestDatabase {
  const handle = {} as TestDatabase;
  const serverUrl = inject("dbServerUrl");
  const template = inject("templateDatabase");
  const name = `${template}_f${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        break;
      } catch (error) {
        // Two files cloning the template at the same instant: try again.
        if (attempt >= 10 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
      }
    }
    await admin.end();
    handle.url = withDatabase(serverUrl, name);
    handle.db = createPrismaClient(handle.url);
  });

  afterAll(async () => {
    await handle.db?.$disconnect();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  return handle;
}
