import { spawn } from "node:child_process";
import { FAULT_POINT_VARIABLE } from "@/lib/faults/reach-fault-point";

export type WorkerProcess = ReturnType<typeof startWorkerProcess>;

/**
 * `npm run worker`'s own script in a process of its own, on `databaseUrl`:
 * its output is kept, `until(pattern)` waits for a line of it (no timing),
 * `exited` gives its exit code or signal.
 */
export function startWorkerProcess(databaseUrl: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, [FAULT_POINT_VARIABLE]: "", SMTP_URL: "", ...env, DATABASE_URL: databaseUrl },
  });
  let output = "";
  const waiting = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of waiting) check();
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return {
    child,
    exited,
    output: () => output,
    /** Resolves once the output matches; rejects if the process ends first. */
    until(pattern: RegExp): Promise<RegExpMatchArray> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (match) {
            waiting.delete(check);
            resolve(match);
          }
        };
        waiting.add(check);
        check();
        void exited.then(() => {
          if (waiting.delete(check)) reject(new Error(`the worker exited before printing ${pattern}:\n${output}`));
        });
      });
    },
  };
}
