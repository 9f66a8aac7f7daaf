import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/lib/i18n/locale";

describe("negotiateLocale", () => {
  it("a remembered choice wins over the browser", () => {
    expect(negotiateLocale("pl", "en-US,en;q=0.9")).toBe("pl");
    expect(negotiateLocale("en", "pl-PL,pl;q=0.9")).toBe("en");
  });
  it("an unknown cookie value is ignored", () => {
    expect(negotiateLocale("de", "pl-PL")).toBe("pl");
  });
  it("follows the browser's preference order by q-value", () => {
    expect(negotiateLocale(undefined, "de-DE,pl;q=0.8,en;q=0.5")).toBe("pl");
    expect(negotiateLocale(undefined, "en;q=0.3,pl;q=0.7")).toBe("pl");
    expect(negotiateLocale(undefined, "pl;q=0,en;q=0.1")).toBe("en");
  });
  it("falls back to English", () => {
    expect(negotiateLocale(undefined, undefined)).toBe("en");
    expect(negotiateLocale(undefined, "fr-FR,de")).toBe("en");
    expect(negotiateLocale(undefined, ";;,garbage;q=abc")).toBe("en");
  });
});
