// npm test: every suite, in order, with one closing line "N passed, N failed".
//   lint (ESLint, the code's shape included) and typecheck (tsc --noEmit), one check each
//   0. production dependencies: known advisories and npm audit (scripts/check-dependencies.mjs)
//   1. unit tests (Vitest)
//   2. integration tests on the embedded PostgreSQL (a fresh database per file)
//   3. the same integration tests on SECOND_DATABASE_URL when it is set (CI: PostgreSQL 15)
//   4. end-to-end tests (Playwright) against a production build on a throwaway embedded database
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { resolveChromium } from "./lib/browser.mjs";
import { root } from "./lib/paths.mjs";

const bin = (name) => path.join(root, "node_modules/.bin", name);
const resultsDir = path.join(root, "test-results");
fs.mkdirSync(resultsDir, { recursive: true });

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

async function vitest(label, project, env = {}) {
  const out = path.join(resultsDir, `${label}.json`);
  fs.rmSync(out, { force: true });
  const code = await run(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${out}`], env);
  const report = readJson(out);
  const passed = report?.numPassedTests ?? 0;
  // A crashed run without a report counts as one failure, never as green.
  const failed = (report?.numFailedTests ?? 0) + (code !== 0 && !report?.numFailedTests ? 1 : 0);
  const skipped = (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0);
  record(label, passed, failed, skipped);
}

/** A whole-tree check (lint, typecheck): one pass or one failure. */
async function check(label, cmd, args) {
  const code = await run(bin(cmd), args);
  record(label, code === 0 ? 1 : 0, code === 0 ? 0 : 1, 0);
}

/** Known advisories and `npm audit` on the production dependencies (scripts/check-dependencies.mjs). */
async function dependencies() {
  const out = path.join(resultsDir, "dependencies.json");
  fs.rmSync(out, { force: true });
  const code = await run(process.execPath, [path.join(root, "scripts/check-dependencies.mjs"), `--report=${out}`]);
  const report = readJson(out);
  record("dependencies", report?.passed ?? 0, report ? report.failed : Math.max(code, 1), 0);
}

async function playwright() {
  const out = path.join(resultsDir, "e2e.json");
  fs.rmSync(out, { force: true });
  fs.rmSync(path.join(root, ".test-data/e2e"), { recursive: true, force: true });
  const browser = await resolveChromium();
  console.log(`e2e browser: ${browser.source} — ${browser.path}`);
  const env = { CI: process.env.CI ?? "true", DATABASE_URL: "", CHROMIUM_PATH: browser.path };
  const code = await run(bin("playwright"), ["test"], env);
  const stats = readJson(out)?.stats;
  const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  const failed = (stats?.unexpected ?? 0) + (code !== 0 && !stats?.unexpected ? 1 : 0);
  record("e2e", passed, failed, stats?.skipped ?? 0);
}

/** Several servers behind nginx (e2e-cluster/): needs a PostgreSQL server to create its database on, and nginx. */
async function cluster() {
  if (!process.env.SECOND_DATABASE_URL) {
    summary.push(`  ${"cluster".padEnd(24)} not run: set SECOND_DATABASE_URL (a PostgreSQL server) and install nginx — .ci/run does both`);
    return;
  }
  const out = path.join(resultsDir, "cluster.json");
  fs.rmSync(out, { force: true });
  const browser = await resolveChromium();
  const env = { CI: process.env.CI ?? "true", DATABASE_URL: "", CHROMIUM_PATH: browser.path, CLUSTER_DATABASE_URL: process.env.SECOND_DATABASE_URL };
  const code = await run(bin("playwright"), ["test", "-c", "playwright.cluster.config.ts"], env);
  const stats = readJson(out)?.stats;
  const failed = (stats?.unexpected ?? 0) + (code !== 0 && !stats?.unexpected ? 1 : 0);
  record("cluster", stats?.expected ?? 0, failed, stats?.skipped ?? 0);
}

function record(label, passed, failed, skipped) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  summary.push(`  ${label.padEnd(24)} ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
}

const only = process.argv[2];
if (!only || only === "lint") await check("lint", "eslint", [".", "--max-warnings=0"]);
if (!only || only === "typecheck") await check("typecheck", "tsc", ["--noEmit"]);
if (!only || only === "dependencies") await dependencies();
if (!only || only === "unit") await vitest("unit", "unit");
if (!only || only === "integration") {
  await vitest("integration-embedded", "integration", { TEST_DATABASE_URL: "" });
  if (process.env.SECOND_DATABASE_URL) {
    await vitest("integration-second", "integration", { TEST_DATABASE_URL: process.env.SECOND_DATABASE_URL });
  }
}
if (!only || only === "e2e") await playwright();
if (!only || only === "cluster") await cluster();

console.log("\nTest suites:");
for (const line of summary) console.log(line);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 ? 1 : 0);
