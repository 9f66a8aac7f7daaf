import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

const ORIGIN = "http://localhost:3000";

describe("safeRedirectPath", () => {
  it.each([
    ["/recovery/RR-000001", "/recovery/RR-000001"],
    ["/support/tickets?status=OPEN&q=acme#top", "/support/tickets?status=OPEN&q=acme#top"],
    ["/login?callbackUrl=%2Frecovery", "/login?callbackUrl=%2Frecovery"],
    ["/support/tickets?q=%C5%81%C3%B3d%C5%BA", "/support/tickets?q=%C5%81%C3%B3d%C5%BA"],
    ["/support/tickets?q=Łódź", "/support/tickets?q=%C5%81%C3%B3d%C5%BA"],
    ["/a/../recovery", "/recovery"],
    [`${ORIGIN}/recovery`, "/recovery"],
  ])("keeps the app's own path %j", (value, expected) => {
    expect(safeRedirectPath(value, { origin: ORIGIN })).toBe(expected);
  });

  // Each one a way a browser, a proxy or a server has been talked into leaving the site.
  const HOSTILE = [
    "https://evil.example",
    "http://evil.example/recovery",
    "//evil.example",
    "///evil.example",
    "////evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%2F%2Fevil.example",
    "/%2fevil.example",
    "/\t/evil.example",
    "/%09/evil.example",
    "/\n/evil.example",
    "/%0A/evil.example",
    "/\r/evil.example",
    "/%0D/evil.example",
    "/%0d%0aSet-Cookie:x=1",
    " /evil.example",
    "/ /evil.example",
    "/\u0000/evil.example",
    "/%00/evil.example",
    "/\u000b/evil.example",
    "/\u00a0/evil.example",
    "/\u2028/evil.example",
    "/\u3000/evil.example",
    "/\ufeff/evil.example",
    "/%C2%85/evil.example",
    "/\u0085/evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    "javascript%3Aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "https://localhost:3000@evil.example/",
    "http://localhost:3000@evil.example/",
    `${ORIGIN}.evil.example/`,
    "http://localhost:3001/recovery",
    "https://localhost:3000/recovery",
    "http://user:pass@localhost:3000/recovery",
    "http://еvil.example/", // Cyrillic е
    "https://xn--vil-tdd.example/",
    "evil.example",
    "recovery",
    "",
    "/" + "a".repeat(3000),
  ];

  it(`refuses ${HOSTILE.length} hostile targets`, () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
    for (const value of HOSTILE) expect(safeRedirectPath(value, { origin: ORIGIN }), JSON.stringify(value)).toBe("/");
  });

  it("refuses what is not a string, and answers the fallback given", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined, { fallback: "/login" })).toBe("/login");
    expect(safeRedirectPath("//evil.example", { fallback: "/login" })).toBe("/login");
  });

  it("whatever it answers is a path that stays on the origin", () => {
    for (const value of HOSTILE) {
      const answer = safeRedirectPath(value, { origin: ORIGIN });
      expect(new URL(answer, ORIGIN).origin).toBe(ORIGIN);
      expect(answer).toMatch(/^\/(?![/\\])/);
    }
  });
});
