export const DEMO_PASSWORD = "demo-pass-2026";

export const USERS = {
  support: { email: "support@restoredesk.test", home: "/support/tickets" },
  lead: { email: "lead@restoredesk.test", home: "/support/tickets" },
  acmeAdmin: { email: "admin@acme.test", home: "/recovery" },
  acmeMember: { email: "member@acme.test", home: "/recovery" },
  globexAdmin: { email: "admin@globex.test", home: "/recovery" },
  initechAdmin: { email: "admin@initech.test", home: "/recovery" },
} as const;

export type DemoUser = keyof typeof USERS;

export const storageStatePath = (user: DemoUser) => `e2e/.auth/${user}.json`;
