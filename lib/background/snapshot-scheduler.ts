import "server-only";
import { prisma } from "@/lib/db/prisma";
import { takeDueSnapshots } from "@/lib/snapshots/daily-snapshots";
import { pruneExpiredCsvFiles } from "@/lib/restore/prune-csv-files";
import { fileStorageRoot } from "@/lib/storage/file-storage";

const CHECK_EVERY_MS = 15 * 60 * 1000;

/**
 * Started once by the running server (instrumentation.ts): checks at start
 * and every 15 minutes whether an account's daily backup is due, and removes
 * restore files past their retention.
 */
export function startSnapshotScheduler() {
  const run = () =>
    takeDueSnapshots({ db: prisma })
      .then((result) => {
        if (result && (result.snapshots || result.pruned)) {
          console.log(`[snapshots] took ${result.snapshots} daily snapshot(s), pruned ${result.pruned}`);
        }
      })
      .then(() => pruneExpiredCsvFiles({ db: prisma, storageRoot: fileStorageRoot() }))
      .catch((error) => console.error("[snapshots] daily snapshot job failed; will retry", error));
  void run();
  setInterval(run, CHECK_EVERY_MS).unref();
}
