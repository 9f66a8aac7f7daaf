import { spawn } from "node:child_process";

/**
 * Runs a TypeScript script of the app in a process of its own (for tests
 * that kill it): `ready` resolves when it prints "ready", `exited` when it ends.
 */
export function spawnScript(script: string, args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.once("exit", () => reject(new Error(`${script} exited before it was ready`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, ready, exited };
}
