import "server-only";
import { prisma } from "@/lib/db/prisma";
import { failAbandonedRuns } from "@/lib/restore/abandoned-runs";
import { executeRun } from "@/lib/restore/execute-run";
import { fileStorageRoot } from "@/lib/storage/file-storage";

const SWEEP_EVERY_MS = 10_000;

function environment() {
  return { db: prisma, databaseUrl: process.env.DATABASE_URL!, storageRoot: fileStorageRoot() };
}

/**
 * Hands a started run to this server's worker: it goes on after the request
 * that started it has answered, and after the browser has gone.
 */
export function launchRun(runId: string): void {
  void executeRun(environment(), runId);
}

/**
 * Started once by the running server: at start, and then every few seconds,
 * runs whose worker died are marked failed, so their tickets can be retried.
 */
export function startRunSupervisor(): void {
  const sweep = async () => {
    try {
      const failed = await failAbandonedRuns({ db: prisma });
      if (failed.length) console.log(`[restore] marked ${failed.length} abandoned run(s) as failed`);
    } catch (error) {
      console.error("[restore] abandoned-run check failed; will retry", error);
    }
  };
  void sweep();
  setInterval(sweep, SWEEP_EVERY_MS).unref();
}
