// The production dependencies' security check, run first by `npm test` (so CI fails on it):
//   1. every installed copy of a package with a known advisory is at or past the fixed version
//      (works offline: read from the lockfile's tree);
//   2. `npm audit --omit=dev`: no high or critical finding. Where the registry's audit
//      endpoint refuses (our build machines: it answers 405), this says so plainly
//      and relies on step 1; it never reports an audit it could not run as passed.
// With --report=FILE it also writes {"passed":N,"failed":N} there, for scripts/test.mjs.
import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import { root } from "./lib/paths.mjs";

const exec = promisify(execFile);

/** Known advisories of what the app ships, and the first version that fixes all of them. */
export const FLOORS = [
  { name: "next", min: "16.0.10", why: "CVE-2025-29927 (middleware/proxy authorization bypass), CVE-2025-66478 (RSC remote code execution), CVE-2025-55183/55184/67779 (RSC source exposure, denial of service)" },
  { name: "react", min: "19.2.3", why: "CVE-2025-55182, CVE-2025-55183, CVE-2025-55184, CVE-2025-67779 (React Server Components)" },
  { name: "react-dom", min: "19.2.3", why: "released with react: the same fixed line" },
  { name: "next-auth", min: "4.24.15", why: "GHSA-5jpx-9hw9-2fx4 (email misdelivery), GHSA-7rqj-j65f-68wh (email normalisation bypass)" },
  { name: "nodemailer", min: "7.0.11", why: "GHSA-mm7p-fcc7-pg87 (mail to an unintended domain), GHSA-rcmh-qjqh-p98v" },
];

export function atLeast(version, min) {
  const parse = (v) => v.split(/[.+-]/).slice(0, 3).map(Number);
  const [a, b] = [parse(version), parse(min)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

function versionsIn(tree, name, out = new Set()) {
  for (const [dep, node] of Object.entries(tree.dependencies ?? {})) {
    if (dep === name && node.version) out.add(node.version);
    versionsIn(node, name, out);
  }
  return out;
}

async function run(cmd, args) {
  try {
    const { stdout } = await exec(cmd, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    return error.stdout ?? "";
  }
}

async function main() {
  let passed = 0;
  let failed = 0;
  const tree = JSON.parse(await run("npm", ["ls", "--omit=dev", "--all", "--json", "--package-lock-only"]));
  for (const floor of FLOORS) {
    const versions = [...versionsIn(tree, floor.name)];
    const old = versions.filter((v) => !atLeast(v, floor.min));
    if (!versions.length || old.length) {
      failed++;
      console.log(`✗ ${floor.name} ${versions.join(", ") || "(not found)"}: needs ≥ ${floor.min} — ${floor.why}`);
    } else {
      passed++;
      console.log(`✓ ${floor.name} ${versions.join(", ")} ≥ ${floor.min}`);
    }
  }

  const audit = await run("npm", ["audit", "--omit=dev", "--json"]);
  let report;
  try {
    report = JSON.parse(audit);
  } catch {
    report = null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    console.log(`! npm audit could not run here (${report?.message ?? report?.error?.summary ?? "no answer from the registry's audit endpoint"}); the known-advisory check above stands in for it`);
  } else if (counts.high + counts.critical > 0) {
    failed++;
    console.log(`✗ npm audit: ${counts.critical} critical, ${counts.high} high in production dependencies`);
  } else {
    passed++;
    console.log(`✓ npm audit: no high or critical finding in production dependencies (${counts.moderate} moderate, ${counts.low} low)`);
  }
  const reportFile = process.argv.find((arg) => arg.startsWith("--report="))?.slice("--report=".length);
  if (reportFile) fs.writeFileSync(reportFile, JSON.stringify({ passed, failed }));
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
