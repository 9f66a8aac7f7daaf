/**
 * When a completed full or selective restore may be undone (SPEC §6). Pure: no database,
 * no clock — the caller passes what it read and the time.
 */
import type { RunKind, RunStatus } from "@/lib/generated/prisma/enums";

export const UNDO_WINDOW_HOURS = 48;
const UNDO_WINDOW_MS = UNDO_WINDOW_HOURS * 60 * 60 * 1000;

export type UndoRefusal =
  | "NOT_ALLOWED_FOR_ROLE"
  | "NOTHING_TO_UNDO"
  | "UNDO_WINDOW_PASSED"
  | "ALREADY_UNDONE"
  | "NEWER_RESTORE"
  | "RESTORE_ALREADY_RUNNING"
  | "SNAPSHOT_GONE";

export type UndoFacts = {
  actorIsSupport: boolean;
  /** The ticket's latest full or selective restore run, if any. */
  run: { kind: RunKind; status: RunStatus; finishedAt: Date | null; safetySnapshotExists: boolean } | null;
  /** An undo of this run already succeeded. */
  alreadyUndone: boolean;
  /** A later full or selective restore or undo finished on the account: undoing this one would discard it. */
  newerRestoreOnAccount: boolean;
  /** Any run is going on the account right now. */
  runningOnAccount: boolean;
  now: Date;
};

/** The moment the undo window closes (exactly 48 hours after the restore finished). */
export function undoDeadline(finishedAt: Date): Date {
  return new Date(finishedAt.getTime() + UNDO_WINDOW_MS);
}

export function decideUndo(facts: UndoFacts): { ok: true } | { ok: false; code: UndoRefusal } {
  const { run } = facts;
  if (!facts.actorIsSupport) return { ok: false, code: "NOT_ALLOWED_FOR_ROLE" };
  if (!run || (run.kind !== "FULL_RESTORE" && run.kind !== "SELECTIVE_RESTORE") || run.status !== "SUCCEEDED" || !run.finishedAt) return { ok: false, code: "NOTHING_TO_UNDO" };
  if (facts.alreadyUndone) return { ok: false, code: "ALREADY_UNDONE" };
  if (facts.now.getTime() > undoDeadline(run.finishedAt).getTime()) return { ok: false, code: "UNDO_WINDOW_PASSED" };
  if (facts.newerRestoreOnAccount) return { ok: false, code: "NEWER_RESTORE" };
  if (facts.runningOnAccount) return { ok: false, code: "RESTORE_ALREADY_RUNNING" };
  if (!run.safetySnapshotExists) return { ok: false, code: "SNAPSHOT_GONE" };
  return { ok: true };
}
