import { describe, expect, it } from "vitest";
import { versionsAt } from "@/lib/account-data/tables";

describe("versionsAt", () => {
  it("selects the versions whose range contains the snapshot's sequence number", () => {
    expect(versionsAt("v", "$1::uuid", "$2")).toBe(`v."accountId" = $1::uuid AND v."validFrom" <= $2 AND (v."validTo" IS NULL OR v."validTo" > $2)`);
  });
});
