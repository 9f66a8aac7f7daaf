import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated") return [];
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(name) ? [full] : [];
  });

describe("zod", () => {
  it("is imported through lib/zod.ts (JIT off, so the strict CSP holds), never directly", () => {
    const direct = ["app", "components", "lib"]
      .flatMap(sources)
      .filter((file) => !file.endsWith(`lib${path.sep}zod.ts`))
      .filter((file) => /^import \{[^}]*\bz\b[^}]*\} from "zod"/m.test(readFileSync(file, "utf8")));
    expect(direct).toEqual([]);
  });
});
