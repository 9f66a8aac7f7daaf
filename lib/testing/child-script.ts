import { spawn } from "node:child_process";
import { FAULT_POINT_VARIABLE } from "@/lib/faults/reach-fault-point";

/**
 * Runs a TypeScript script of the app in a process of its own (for tests
 * that kill it): `ready` resolves when it prints "ready", `exited` when it
 * ends. With `faultPoint`, the process stops at that named point
 * (reachFaultPoint) and is killed (SIGKILL) there; `reached` tells whether it got there.
 */
export function spawnScript(script: string, args: string[], { faultPoint }: { faultPoint?: string } = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, [FAULT_POINT_VARIABLE]: faultPoint ?? "" },
  });
  let output = "";
  let reached = false;
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready\n")) resolve();
      if (faultPoint && !reached && output.includes(`fault-point ${faultPoint}\n`)) {
        reached = true;
        child.kill("SIGKILL");
      }
    });
    child.once("exit", () => reject(new Error(`${script} exited before it was ready`)));
  });
  ready.catch(() => undefined);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, ready, exited, reached: () => reached };
}
