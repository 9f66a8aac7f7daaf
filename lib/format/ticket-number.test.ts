import { describe, expect, it } from "vitest";
import { formatTicketNumber, parseTicketNumber } from "@/lib/format/ticket-number";

describe("ticket numbers", () => {
  it("are shown as RR- and six digits", () => {
    expect(formatTicketNumber(123)).toBe("RR-000123");
    expect(formatTicketNumber(1234567)).toBe("RR-1234567");
  });
  it("parse back, and anything crafted is no number", () => {
    expect(parseTicketNumber("RR-000123")).toBe(123);
    for (const bad of ["RR-123", "rr-000123", "RR-000000", "RR-00012a", "RR-000123 ", "000123", "RR--00123"]) {
      expect(parseTicketNumber(bad)).toBeNull();
    }
  });
});
