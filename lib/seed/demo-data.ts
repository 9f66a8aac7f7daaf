import type { AccountTableKey } from "@/lib/account-data/tables";

export const DEMO_PASSWORD = "demo-pass-2026";
const GB = 1024 ** 3;

export const PLANS = [
  { code: "free", name: "Free", restoreAvailable: false, sortOrder: 1 },
  { code: "basic", name: "Basic", restoreAvailable: false, sortOrder: 2 },
  { code: "standard", name: "Standard", restoreAvailable: true, sortOrder: 3 },
  { code: "professional", name: "Professional", restoreAvailable: true, sortOrder: 4 },
  { code: "enterprise", name: "Enterprise", restoreAvailable: true, sortOrder: 5 },
] as const;

export const STAFF = [
  { email: "support@restoredesk.test", name: "Sara Support", isLead: false, locale: "en" },
  { email: "lead@restoredesk.test", name: "Leon Lead", isLead: true, locale: "en" },
  { email: "agent2@restoredesk.test", name: "Adam Agent", isLead: false, locale: "pl" },
] as const;

export type DemoAccount = {
  slug: string;
  name: string;
  plan: (typeof PLANS)[number]["code"];
  timeZone: string;
  admin: { email: string; name: string; locale: string };
  members: { email: string; name: string; locale: string }[];
  /** Multiplier of BASE_COUNTS. */
  scale: number;
  externalDataBytes?: number;
  /** A bulk deletion two days ago: what a real restore request is about. */
  accident?: boolean;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    slug: "acme",
    name: "Acme Sp. z o.o.",
    plan: "professional",
    timeZone: "Europe/Warsaw",
    admin: { email: "admin@acme.test", name: "Alicja Nowak", locale: "en" },
    members: [{ email: "member@acme.test", name: "Marek Wiśniewski", locale: "en" }],
    scale: 1,
    accident: true,
  },
  {
    slug: "globex",
    name: "Globex Polska",
    plan: "basic",
    timeZone: "Europe/Warsaw",
    admin: { email: "admin@globex.test", name: "Grzegorz Zieliński", locale: "en" },
    members: [],
    scale: 0.3,
  },
  {
    slug: "initech",
    name: "Initech S.A.",
    plan: "enterprise",
    timeZone: "Europe/Warsaw",
    admin: { email: "admin@initech.test", name: "Irena Kowalczyk", locale: "en" },
    members: [],
    scale: 0.5,
    // Mail archives and files make this portal larger than the CSV limit.
    externalDataBytes: 34 * GB,
  },
  ...[
    ["umbrella", "Umbrella Logistics", "standard"],
    ["stark", "Stark Industries PL", "enterprise"],
    ["wayne", "Wayne Consulting", "professional"],
    ["hooli", "Hooli Retail", "standard"],
    ["soylent", "Soylent Foods", "professional"],
    ["vandelay", "Vandelay Import-Export", "standard"],
    ["cyberdyne", "Cyberdyne Systems", "enterprise"],
    ["tyrell", "Tyrell Biuro", "professional"],
    ["wonka", "Wonka Słodycze", "standard"],
    ["oscorp", "Oscorp Polska", "enterprise"],
  ].map(
    ([slug, name, plan]): DemoAccount => ({
      slug,
      name,
      plan: plan as DemoAccount["plan"],
      timeZone: "Europe/Warsaw",
      admin: { email: `admin@${slug}.test`, name: `${name.split(" ")[0]} Admin`, locale: "pl" },
      members: [],
      scale: 0.1,
    }),
  ),
];

/** Rows per table for an account of scale 1 (about 17,000 rows). */
export const BASE_COUNTS: Record<AccountTableKey, number> = {
  company: 600,
  contact: 2500,
  deal: 1200,
  lead: 900,
  activity: 4000,
  comment: 2500,
  history: 4000,
  task: 800,
  product: 150,
  customField: 14,
};

/** Per-day churn, in rows per thousand: created, edited, deleted. */
export const DAILY_CHURN = { createdPermille: 8, editedPermille: 20, deletedPermille: 5 } as const;
