import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/http/same-origin";

describe("same origin", () => {
  it.each([
    [{ origin: "http://localhost:3000", host: "localhost:3000" }, true],
    [{ origin: "https://desk.example", host: "internal:3000", "x-forwarded-host": "desk.example" }, true],
    [{ origin: "https://evil.example", host: "localhost:3000" }, false],
    [{ origin: "null", host: "localhost:3000" }, false],
    [{ host: "localhost:3000" }, false],
    [{ origin: "not a url", host: "localhost:3000" }, false],
  ])("%j → %s", (headers, expected) => {
    expect(isSameOrigin(new Headers(headers as Record<string, string>))).toBe(expected);
  });
});
