/**
 * How long the backup a ticket restores from will still be there — the
 * urgency support works by. Pure.
 */
import { DEFAULT_RETENTION_DAYS } from "@/lib/retention/retention";

const DAY_MS = 24 * 60 * 60 * 1000;

export type BackupHold =
  | { state: "closed" }
  | { state: "unknown" }
  /** Still inside retention: expires normally in `daysLeft`. */
  | { state: "kept"; daysLeft: number; hoursLeft: number }
  /** Past retention, held for this open ticket: `daysLeft` until the hold ends. */
  | { state: "held"; daysLeft: number; hoursLeft: number }
  | { state: "expired" };

export function backupHold({
  backupExpiresAt,
  open,
  now,
  retentionDays = DEFAULT_RETENTION_DAYS,
}: {
  backupExpiresAt: Date | null;
  open: boolean;
  now: Date;
  retentionDays?: number;
}): BackupHold {
  if (!open) return { state: "closed" };
  if (!backupExpiresAt) return { state: "unknown" };
  const left = backupExpiresAt.getTime() - now.getTime();
  if (left >= 0) return { state: "kept", daysLeft: Math.floor(left / DAY_MS), hoursLeft: Math.floor(left / (60 * 60 * 1000)) };
  const holdLeft = left + retentionDays * DAY_MS;
  if (holdLeft >= 0) return { state: "held", daysLeft: Math.floor(holdLeft / DAY_MS), hoursLeft: Math.floor(holdLeft / (60 * 60 * 1000)) };
  return { state: "expired" };
}
