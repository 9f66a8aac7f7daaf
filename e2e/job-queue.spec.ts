import { expect, test } from "@playwright/test";
import { queryRows } from "./database";
import { signedInAs } from "./flows";

// The job queue's page for support: what waits, runs, retries or failed.

const removeTestJobs = () => queryRows(`DELETE FROM graphile_worker._private_jobs WHERE key = 'e2e-later' OR payload->>'runId' = 'e2e-not-a-run'`);
test.beforeAll(removeTestJobs);
test.afterAll(removeTestJobs);

test("[SUPPORT] sees the background jobs — one scheduled for later, a failed one with its error; customers get 404", async ({ browser }) => {
  // A job that can never work: its payload does not parse, so it fails at once, for good. And one due in an hour.
  await queryRows(`SELECT id FROM graphile_worker.add_job('execute-run', '{"runId": "e2e-not-a-run"}'::json, job_key => 'e2e-broken-job', max_attempts => 5)`);
  await queryRows(`SELECT id FROM graphile_worker.add_job('deliver-emails', '{}'::json, job_key => 'e2e-later', run_at => now() + interval '1 hour')`);
  const agent = await signedInAs(browser, "support");
  await agent.page.goto("/support/jobs");
  await expect(agent.page.getByRole("heading", { level: 1 })).toHaveText("Background jobs");
  const byKind = agent.page.getByRole("table").first();
  await expect(byKind.getByRole("row").filter({ hasText: "Email delivery" })).toContainText(/Scheduled: [1-9]\d*next due/);
  // The page refreshes itself: the broken job shows up failed, with the reason and its attempts spent.
  const broken = agent.page.getByRole("row").filter({ hasText: "e2e-broken-job" });
  await expect(broken).toContainText("Failed", { timeout: 20_000 });
  await expect(broken).toContainText("attempt 5 of 5");
  await expect(broken).toContainText("execute-run: the payload does not parse");
  await expect(byKind.getByRole("row").filter({ hasText: "Restore or CSV export" })).toContainText(/Failed: [1-9]/);
  await expect(agent.page.getByTestId("jobs-FAILED")).not.toHaveText("0");
  await agent.context.close();

  for (const who of ["acmeAdmin", "acmeMember"] as const) {
    const customer = await signedInAs(browser, who);
    const response = await customer.page.goto("/support/jobs");
    expect(response?.status(), who).toBe(404);
    await customer.context.close();
  }
});
