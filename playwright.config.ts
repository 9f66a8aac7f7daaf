import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// e2e runs on its own embedded database, never on a server from DATABASE_URL.
if (process.env.DATABASE_URL && !/@(localhost|127\.0\.0\.1)[:/]/.test(process.env.DATABASE_URL)) {
  throw new Error("Refusing to run e2e tests against a non-local database.");
}

const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://localhost:${port}`;
/** The e2e server mails through SMTP here; e2e/user-notifications.spec.ts runs the server (and stops it). */
export const smtpPort = port + 2000;
const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
/** How every browser test here starts Chromium (this machine's closed network refuses its background calls). */
export const chromiumLaunchOptions = {
  executablePath: chromiumPath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 850 } }, dependencies: ["setup"] },
  ],
  webServer: {
    // The newcomer's own command, on a throwaway embedded database.
    command: "node scripts/run.mjs start",
    url: `${baseURL}/login`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      EMBEDDED_PG_DIR: process.env.E2E_PG_DIR ?? ".test-data/e2e/pg",
      EMBEDDED_PG_PORT: String(port + 1000),
      FILE_STORAGE_DIR: ".test-data/e2e/files",
      DATABASE_URL: "",
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: '"Restore Desk" <desk@restoredesk.test>',
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
