import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Rules about where things may be done, checked over the source tree.

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated") return [];
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(name) ? [full] : [];
  });

const appSources = () => ["app", "components", "lib"].flatMap(sources).filter((file) => !/\.test\.tsx?$/.test(file));

describe("code rules", () => {
  it("zod is imported through lib/zod.ts (JIT off, so the strict CSP holds), never directly", () => {
    const direct = ["app", "components", "lib"]
      .flatMap(sources)
      .filter((file) => !file.endsWith(`lib${path.sep}zod.ts`))
      .filter((file) => /^import \{[^}]*\bz\b[^}]*\} from "zod"/m.test(readFileSync(file, "utf8")));
    expect(direct).toEqual([]);
  });

  it("timeline events are written only through recordTicketEvent, so none skips its notifications", () => {
    const direct = appSources()
      .filter((file) => !file.endsWith(path.join("lib", "tickets", "record-ticket-event.ts")))
      .filter((file) => /\.ticketEvent\.(create|createMany|createManyAndReturn|upsert)\(|INSERT INTO ticket_event/i.test(readFileSync(file, "utf8")));
    expect(direct).toEqual([]);
  });
});
