import { vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { failAbandonedRuns } from "@/lib/restore/abandoned-runs";
import { spawnScript } from "@/lib/testing/child-script";

/**
 * For fault-injection tests: a run carried out in a process of its own,
 * killed (SIGKILL) at a named fault point, and the sweep that gives a
 * killed run its outcome.
 */
export function runFaults(t: { db: Db; url: string }) {
  return {
    spawnRun: (runId: string, storageRoot: string, faultPoint?: string) => spawnScript("lib/testing/execute-run-child.ts", [t.url, runId, storageRoot], { faultPoint }),
    /** The sweep, until the run has an outcome: the killed backend may still be finishing its statement, and its lock goes with it. */
    untilSettled: (runId: string) =>
      vi.waitFor(
        async () => {
          await failAbandonedRuns({ db: t.db, staleAfterMs: 0 });
          const run = await t.db.restoreRun.findUniqueOrThrow({ where: { id: runId } });
          if (run.status === "RUNNING") throw new Error(`run ${runId} still RUNNING`);
          return run;
        },
        { timeout: 60_000, interval: 50 },
      ),
  };
}
