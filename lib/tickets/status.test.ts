import { describe, expect, it } from "vitest";
import { isOpenStatus } from "@/lib/tickets/status";

describe("open statuses", () => {
  it("a failed ticket is still open (it may be retried); completed, rejected and cancelled are not", () => {
    expect(isOpenStatus("FAILED")).toBe(true);
    expect(isOpenStatus("SUBMITTED")).toBe(true);
    expect(isOpenStatus("COMPLETED")).toBe(false);
    expect(isOpenStatus("REJECTED")).toBe(false);
    expect(isOpenStatus("CANCELLED")).toBe(false);
  });
});
