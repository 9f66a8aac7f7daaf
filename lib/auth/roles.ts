/** The four signed-in roles of SPEC §1. Derived from data, never stored. */
export type Role = "SUPPORT_AGENT" | "SUPPORT_LEAD" | "ACCOUNT_ADMIN" | "ACCOUNT_MEMBER";

export type RoleSource = {
  id: string;
  kind: "CUSTOMER" | "SUPPORT";
  isLead: boolean;
  /** The owner of the user's account (customers only). */
  accountOwnerId?: string | null;
};

export function roleOf(user: RoleSource): Role {
  if (user.kind === "SUPPORT") return user.isLead ? "SUPPORT_LEAD" : "SUPPORT_AGENT";
  // The account admin is the user who registered the account: exactly one.
  return user.accountOwnerId === user.id ? "ACCOUNT_ADMIN" : "ACCOUNT_MEMBER";
}

export const isSupportRole = (role: Role) => role === "SUPPORT_AGENT" || role === "SUPPORT_LEAD";
export const isCustomerRole = (role: Role) => !isSupportRole(role);

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  return isSupportRole(role) ? "/support/tickets" : "/recovery";
}
