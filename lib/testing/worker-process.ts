import { FAULT_POINT_VARIABLE } from "@/lib/faults/reach-fault-point";
import { spawnAppScript, type AppScript } from "@/lib/testing/child-script";

export type WorkerProcess = AppScript;

/** `npm run worker`'s own script in a process of its own, on `databaseUrl` (no SMTP and no fault point unless `env` says). */
export function startWorkerProcess(databaseUrl: string, env: Record<string, string> = {}): WorkerProcess {
  return spawnAppScript("scripts/worker.ts", [], { [FAULT_POINT_VARIABLE]: "", SMTP_URL: "", ...env, DATABASE_URL: databaseUrl });
}
