import { expect, test } from "@playwright/test";
import { databaseFingerprint, maintenanceClient } from "./database";

test("[VISITOR] the database goes away: a clear page, nothing written, and the app comes back by itself", async ({ page }) => {
  test.setTimeout(90_000);
  const client = maintenanceClient();
  await client.connect();
  const before = await databaseFingerprint();
  try {
    expect((await page.goto("/help"))?.status()).toBe(200);
    // Refuse new connections and drop the app's open ones: as good as a stopped server, for the app.
    await client.query(`ALTER DATABASE restoredesk WITH ALLOW_CONNECTIONS false`);
    await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'restoredesk'`);
    const down = await page.goto("/help");
    expect(down?.status()).toBe(500);
    await expect(page.getByRole("heading", { name: "Restore Desk is temporarily unavailable" })).toBeVisible();
    await expect(page.getByText("Nothing was changed.")).toBeVisible();
  } finally {
    await client.query(`ALTER DATABASE restoredesk WITH ALLOW_CONNECTIONS true`);
    await client.end();
  }
  // Back: the pool reconnects on its own, no restart.
  await expect(async () => expect((await page.goto("/help"))?.status()).toBe(200)).toPass({ timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help center");
  expect(await databaseFingerprint()).toBe(before);
});
