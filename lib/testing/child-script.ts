import { spawn } from "node:child_process";
import { FAULT_POINT_VARIABLE } from "@/lib/faults/reach-fault-point";

export type AppScript = ReturnType<typeof spawnAppScript>;

/**
 * Runs a TypeScript script of the app in a process of its own (tests that
 * kill it, workers): what it prints is kept, `until(pattern)` waits for a
 * line of it (no timing), `exited` gives its exit code or signal.
 */
export function spawnAppScript(script: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
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
          if (waiting.delete(check)) reject(new Error(`${script} exited before printing ${pattern}:\n${output}`));
        });
      });
    },
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A script of the app for fault-injection tests: `ready` resolves when it
 * prints "ready". With `faultPoint`, the process stops at that named point
 * (reachFaultPoint) and is killed (SIGKILL) there; `reached` tells whether it got there.
 */
export function spawnScript(script: string, args: string[], { faultPoint }: { faultPoint?: string } = {}) {
  const app = spawnAppScript(script, args, { [FAULT_POINT_VARIABLE]: faultPoint ?? "" });
  let reached = false;
  if (faultPoint) {
    app.until(new RegExp(`fault-point ${escapeRegExp(faultPoint)}\n`)).then(
      () => {
        reached = true;
        app.child.kill("SIGKILL");
      },
      () => undefined,
    );
  }
  const ready = app.until(/ready\n/).then(() => undefined);
  ready.catch(() => undefined);
  return { child: app.child, ready, exited: app.exited, reached: () => reached };
}
