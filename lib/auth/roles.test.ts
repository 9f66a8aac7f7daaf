import { describe, expect, it } from "vitest";
import { homePathFor, roleOf } from "@/lib/auth/roles";

describe("roleOf", () => {
  it("the user who registered the account is its admin", () => {
    expect(roleOf({ id: "u1", kind: "CUSTOMER", isLead: false, accountOwnerId: "u1" })).toBe("ACCOUNT_ADMIN");
  });
  it("any other customer user is a member", () => {
    expect(roleOf({ id: "u2", kind: "CUSTOMER", isLead: false, accountOwnerId: "u1" })).toBe("ACCOUNT_MEMBER");
    expect(roleOf({ id: "u2", kind: "CUSTOMER", isLead: false, accountOwnerId: null })).toBe("ACCOUNT_MEMBER");
  });
  it("the lead flag makes a support lead; it means nothing for customers", () => {
    expect(roleOf({ id: "s", kind: "SUPPORT", isLead: true })).toBe("SUPPORT_LEAD");
    expect(roleOf({ id: "s", kind: "SUPPORT", isLead: false })).toBe("SUPPORT_AGENT");
    expect(roleOf({ id: "c", kind: "CUSTOMER", isLead: true, accountOwnerId: "x" })).toBe("ACCOUNT_MEMBER");
  });
  it("each role lands on its home page", () => {
    expect(homePathFor("SUPPORT_AGENT")).toBe("/support/tickets");
    expect(homePathFor("SUPPORT_LEAD")).toBe("/support/tickets");
    expect(homePathFor("ACCOUNT_ADMIN")).toBe("/recovery");
    expect(homePathFor("ACCOUNT_MEMBER")).toBe("/recovery");
  });
});
