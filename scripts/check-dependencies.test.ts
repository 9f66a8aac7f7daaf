import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM script without type declarations
import { atLeast, FLOORS } from "./check-dependencies.mjs";

describe("the dependency floor", () => {
  it("compares versions numerically, part by part", () => {
    expect(atLeast("16.0.10", "16.0.7")).toBe(true);
    expect(atLeast("16.0.9", "16.0.10")).toBe(false);
    expect(atLeast("16.4.6", "16.0.10")).toBe(true);
    expect(atLeast("15.9.99", "16.0.0")).toBe(false);
    expect(atLeast("19.2.3", "19.2.3")).toBe(true);
    expect(atLeast("7.0.13", "7.0.11")).toBe(true);
  });
  it("covers the framework, React, sign-in and mail", () => {
    expect(FLOORS.map((f: { name: string }) => f.name).sort()).toEqual(["next", "next-auth", "nodemailer", "react", "react-dom"]);
  });
});
