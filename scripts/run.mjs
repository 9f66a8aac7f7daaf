// Newcomer entry point: `npm start`, `npm run dev`, `npm run db:migrate`,
// `npm run db:seed`, `npm run snapshot`, `npm run worker`. Picks the database (embedded by
// default), migrates, and runs the requested step with DATABASE_URL set.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DatabaseUnreachableError, describeUrl, resolveDatabase } from "./lib/database.mjs";
import { root } from "./lib/paths.mjs";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./lib/demo-logins.mjs";

const command = process.argv[2];
const extraArgs = process.argv.slice(3);
const bin = (name) => path.join(root, "node_modules/.bin", name);

function run(cmd, args, env, { inherit = true } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: inherit ? "inherit" : "ignore", env: { ...process.env, ...env } });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} ${args[0] ?? ""} exited with ${code ?? signal}`)),
    );
  });
}

const migrate = (env) =>
  run(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "scripts/migrate.mjs"], env);
// react-server: lets scripts import the server-only data modules the app uses.
const tsx = (script, args, env) => run(bin("tsx"), ["--conditions=react-server", script, ...args], env);

/** A production build is needed when none exists or a source file is newer. */
function buildIsStale() {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "messages", "prisma/schema.prisma", "next.config.js", "package-lock.json", "i18n"];
  const newer = (p) => {
    if (!fs.existsSync(p)) return false;
    const stat = fs.statSync(p);
    if (!stat.isDirectory()) return stat.mtimeMs > builtAt;
    return fs.readdirSync(p).some((name) => name !== "generated" && newer(path.join(p, name)));
  };
  return sources.some((s) => newer(path.join(root, s)));
}

function printWelcome(port) {
  const url = `http://localhost:${port}`;
  console.log(`\n  Restore Desk is running at ${url}\n`);
  console.log(`  Demo logins (password: ${DEMO_PASSWORD})`);
  for (const { email, role } of DEMO_LOGINS) console.log(`    ${email.padEnd(28)} ${role}`);
  console.log("\n  Press Ctrl+C to stop (the embedded database stops with the app).\n");
}

/** A per-installation signing secret for sessions, kept in .data/ unless given. */
function authSecret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(root, ".data/auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

const port = process.env.PORT ?? "3000";
/** The app's own address: next-auth's callbacks and the links in emails (the seed writes some too). */
const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;

async function serve(db, mode) {
  const env = {
    DATABASE_URL: db.url,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: appUrl,
  };
  if (mode === "start" && buildIsStale()) {
    console.log("Building the app (first start or sources changed)…");
    await run(bin("next"), ["build"], env);
  }
  // Our own front to Next.js: it knows the socket's address (scripts/server.mjs).
  const serverArgs = ["scripts/server.mjs", "-p", port, ...(mode === "dev" ? ["--dev"] : [])];
  const child = spawn(process.execPath, serverArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const stopAll = async (code) => {
    await db.stop().catch(() => {});
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      child.kill("SIGTERM");
    });
  }
  setTimeout(() => printWelcome(port), mode === "start" ? 1500 : 4000).unref();
  child.on("exit", (code) => stopAll(code ?? 0));
}

/** A job worker alone; a SIGTERM/SIGINT is passed on, and this process waits for the worker's own graceful stop. */
async function work(db, env) {
  const child = spawn(bin("tsx"), ["--conditions=react-server", "scripts/worker.ts"], { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  await db.stop().catch(() => {});
  process.exit(code);
}

async function main() {
  if (!["start", "dev", "migrate", "seed", "snapshot", "bench", "worker"].includes(command)) {
    console.error("Usage: node scripts/run.mjs start|dev|migrate|seed|snapshot|bench|worker");
    process.exit(2);
  }
  const db = await resolveDatabase();
  console.log(`Database: ${db.embedded ? "embedded PostgreSQL (.data/pg)" : describeUrl(db.url)}`);
  const env = { DATABASE_URL: db.url, NEXTAUTH_URL: appUrl };
  try {
    await migrate(env);
    if (command === "migrate") return db.stop();
    if (command === "seed") {
      await tsx("prisma/seed.ts", extraArgs, env);
      return db.stop();
    }
    if (command === "snapshot") {
      await tsx("scripts/snapshot.ts", extraArgs, env);
      return db.stop();
    }
    if (command === "worker") return await work(db, env);
    await tsx("prisma/seed.ts", ["--if-empty"], env);
    if (command === "bench") {
      const benchEnv = { ...env, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_SECRET: authSecret() };
      if (buildIsStale()) await run(bin("next"), ["build"], benchEnv);
      await tsx("scripts/bench.ts", extraArgs, benchEnv);
      return db.stop();
    }
    await serve(db, command);
  } catch (error) {
    await db.stop().catch(() => {});
    throw error;
  }
}

main().catch((error) => {
  if (error instanceof DatabaseUnreachableError) {
    console.error(`\n${error.message}\nCheck DATABASE_URL, or unset it to use the embedded PostgreSQL server.\n`);
  } else {
    console.error(`\n${error.message}\n`);
  }
  process.exit(1);
});
