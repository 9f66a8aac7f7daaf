import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./playwright.config";

// The cluster test (npm run test:cluster; `npm test` runs it when
// SECOND_DATABASE_URL is set): 3 web servers and 2 workers on one PostgreSQL,
// behind nginx. It starts everything itself (e2e-cluster/cluster.ts).
export const clusterPort = Number(process.env.CLUSTER_PORT ?? 3500);

export default defineConfig({
  testDir: "e2e-cluster",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/cluster.json" }]] : [["list"]],
  use: {
    baseURL: `http://localhost:${clusterPort}`,
    viewport: { width: 1366, height: 850 },
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
});
