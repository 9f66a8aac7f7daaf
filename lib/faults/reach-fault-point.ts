/** The test-only variable that names the one point where a process stops. */
export const FAULT_POINT_VARIABLE = "RD_TEST_FAULT_POINT";

/**
 * A named point in a long write (a restore, an import) where a
 * fault-injection test stops the process: when RD_TEST_FAULT_POINT names this
 * point, the process says so on stdout and waits there until the test kills
 * it — exactly there, however fast the machine. Inert otherwise, and always
 * in production (NODE_ENV=production): nothing sets the variable but tests.
 */
export async function reachFaultPoint(name: string): Promise<void> {
  if (process.env[FAULT_POINT_VARIABLE] !== name || process.env.NODE_ENV === "production") return;
  process.stdout.write(`fault-point ${name}\n`);
  await new Promise<never>(() => {});
}
