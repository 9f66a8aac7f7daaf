/**
 * Retention rules for daily snapshots (SPEC §2). Pure: no clock, no database.
 * A snapshot is kept `retentionDays` after it was taken; a snapshot an open
 * ticket points at is held up to `retentionDays` more, so a request filed on
 * the last day can still be carried out.
 */
export const DEFAULT_RETENTION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export function retentionDaysFromEnv(value: string | undefined): number {
  const days = Number(value);
  return Number.isInteger(days) && days >= 1 && days <= 90 ? days : DEFAULT_RETENTION_DAYS;
}

/** When the snapshot leaves the retention window (exactly `days` after it was taken). */
export function expiresAt(takenAt: Date, days = DEFAULT_RETENTION_DAYS): Date {
  return new Date(takenAt.getTime() + days * DAY_MS);
}

/** When a hold by an open ticket ends at the latest. */
export function holdEndsAt(takenAt: Date, days = DEFAULT_RETENTION_DAYS): Date {
  return new Date(takenAt.getTime() + 2 * days * DAY_MS);
}

/** A snapshot exactly `days` old is still inside the window. */
export function isWithinRetention(takenAt: Date, now: Date, days = DEFAULT_RETENTION_DAYS): boolean {
  return now.getTime() <= expiresAt(takenAt, days).getTime();
}

export function shouldPrune({
  takenAt,
  now,
  heldByOpenTicket,
  days = DEFAULT_RETENTION_DAYS,
}: {
  takenAt: Date;
  now: Date;
  heldByOpenTicket: boolean;
  days?: number;
}): boolean {
  if (isWithinRetention(takenAt, now, days)) return false;
  if (heldByOpenTicket) return now.getTime() > holdEndsAt(takenAt, days).getTime();
  return true;
}

/** The oldest `takenAt` that is still kept without a hold. */
export function retentionCutoff(now: Date, days = DEFAULT_RETENTION_DAYS): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** The snapshots a restore may use (a where-clause): inside retention, and never a restore's own safety snapshot, which belongs to its undo. */
export function restorableSnapshots(now: Date, days = DEFAULT_RETENTION_DAYS) {
  return { kind: { not: "SAFETY" as const }, takenAt: { gte: retentionCutoff(now, days) } };
}

/** The oldest `takenAt` that a hold can still keep. */
export function holdCutoff(now: Date, days = DEFAULT_RETENTION_DAYS): Date {
  return new Date(now.getTime() - 2 * days * DAY_MS);
}
