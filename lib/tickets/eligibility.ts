/**
 * Who may file a restore request, with which method, to which date — the
 * rules of the source article, decided in one place. The request page, the
 * form and the server action all ask this function. Pure.
 */
import type { Role } from "@/lib/auth/roles";
import type { RestoreMethod } from "@/lib/generated/prisma/enums";
import { isWithinRetention } from "@/lib/retention/retention";

/** "at most 30 GB": a database of exactly 30 GB can still get a CSV file. */
export const CSV_LIMIT_BYTES = 30 * 1024 ** 3;

export type SnapshotOption = {
  id: string;
  takenAt: Date;
  rowCounts: Record<string, number>;
};

export type EligibilityInput = {
  role: Role;
  planRestoreAvailable: boolean;
  planName: string;
  adminName: string | null;
  openTicketNumber: number | null;
  databaseSizeBytes: bigint | number;
  snapshots: SnapshotOption[];
  timeZone: string;
  now: Date;
  retentionDays: number;
};

export type BlockingReason =
  | { code: "PLAN_WITHOUT_RESTORE"; planName: string }
  | { code: "NOT_ACCOUNT_ADMIN"; adminName: string | null }
  | { code: "REQUEST_ALREADY_OPEN"; ticketNumber: number }
  | { code: "NO_SNAPSHOT_IN_RETENTION" };

export type RestoreDateOption = {
  /** YYYY-MM-DD in the account's time zone. */
  date: string;
  snapshotId: string;
  takenAt: Date;
  rowCounts: Record<string, number>;
};

export type Eligibility = {
  /** Empty when a request can be filed. In the order the page explains them. */
  blockers: BlockingReason[];
  methods: Record<RestoreMethod, { available: boolean; reason?: "DATABASE_OVER_CSV_LIMIT" }>;
  /** Newest first. */
  dates: RestoreDateOption[];
};

export function dateInTimeZone(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** One option per calendar day: the day's latest snapshot inside retention. */
export function restoreDateOptions(snapshots: SnapshotOption[], { timeZone, now, retentionDays }: Pick<EligibilityInput, "timeZone" | "now" | "retentionDays">) {
  const byDate = new Map<string, RestoreDateOption>();
  for (const snapshot of snapshots) {
    if (!isWithinRetention(snapshot.takenAt, now, retentionDays) || snapshot.takenAt > now) continue;
    const date = dateInTimeZone(snapshot.takenAt, timeZone);
    const current = byDate.get(date);
    if (!current || current.takenAt < snapshot.takenAt) {
      byDate.set(date, { date, snapshotId: snapshot.id, takenAt: snapshot.takenAt, rowCounts: snapshot.rowCounts });
    }
  }
  return [...byDate.values()].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

export function decideEligibility(input: EligibilityInput): Eligibility {
  const blockers: BlockingReason[] = [];
  if (!input.planRestoreAvailable) blockers.push({ code: "PLAN_WITHOUT_RESTORE", planName: input.planName });
  if (input.role !== "ACCOUNT_ADMIN") blockers.push({ code: "NOT_ACCOUNT_ADMIN", adminName: input.adminName });
  if (input.openTicketNumber !== null) blockers.push({ code: "REQUEST_ALREADY_OPEN", ticketNumber: input.openTicketNumber });
  const dates = restoreDateOptions(input.snapshots, input);
  if (!dates.length) blockers.push({ code: "NO_SNAPSHOT_IN_RETENTION" });
  const csvAllowed = BigInt(input.databaseSizeBytes) <= BigInt(CSV_LIMIT_BYTES);
  return {
    blockers,
    methods: {
      CSV: csvAllowed ? { available: true } : { available: false, reason: "DATABASE_OVER_CSV_LIMIT" },
      FULL: { available: true },
      // Any database size: it writes only the chosen records.
      SELECTIVE: { available: true },
    },
    dates,
  };
}

export type RequestChoice = { method: RestoreMethod; restoreDate: string };

export type RequestRefusal =
  | { field: "method"; code: "CSV_OVER_LIMIT" }
  | { field: "restoreDate"; code: "NO_SNAPSHOT_FOR_DATE" };

/** Checks a concrete request against the eligibility; returns the snapshot to pin. */
export function checkRequestChoice(
  eligibility: Eligibility,
  choice: RequestChoice,
): { ok: true; snapshot: RestoreDateOption } | { ok: false; refusal: BlockingReason | RequestRefusal } {
  if (eligibility.blockers.length) return { ok: false, refusal: eligibility.blockers[0] };
  if (!eligibility.methods[choice.method].available) return { ok: false, refusal: { field: "method", code: "CSV_OVER_LIMIT" } };
  const snapshot = eligibility.dates.find((d) => d.date === choice.restoreDate);
  if (!snapshot) return { ok: false, refusal: { field: "restoreDate", code: "NO_SNAPSHOT_FOR_DATE" } };
  return { ok: true, snapshot };
}
