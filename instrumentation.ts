/** Runs once when the server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { startRunSupervisor } = await import("@/lib/restore/run-worker");
  startRunSupervisor();
  if (process.env.EMAIL_WORKER !== "off") {
    const { startEmailWorker } = await import("@/lib/notifications/email-worker");
    startEmailWorker();
  }
  if (process.env.SNAPSHOT_SCHEDULER !== "off") {
    const { startSnapshotScheduler } = await import("@/lib/background/snapshot-scheduler");
    startSnapshotScheduler();
  }
}
