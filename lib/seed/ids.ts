import { createHash } from "node:crypto";

/** A stable UUID (v4 layout) derived from a name, so the demo seed is deterministic. */
export function deterministicUuid(name: string): string {
  const hex = createHash("md5").update(`restore-desk:${name}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
