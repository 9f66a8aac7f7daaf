// Printed by `npm start` and listed in the README; the seed creates these users.
export const DEMO_PASSWORD = "demo-pass-2026";
export const DEMO_LOGINS = [
  { email: "support@restoredesk.test", role: "support agent" },
  { email: "lead@restoredesk.test", role: "support lead" },
  { email: "admin@acme.test", role: "account admin, Acme (Professional)" },
  { email: "member@acme.test", role: "account member, Acme" },
  { email: "admin@globex.test", role: "account admin, Globex (Basic — no restore)" },
  { email: "admin@initech.test", role: "account admin, Initech (Enterprise, over 30 GB)" },
];
