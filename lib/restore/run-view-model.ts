/** How pages show a run — JSON-safe, usable on the server and in the browser. */
import type { EmptiedLink } from "@/lib/selective-restore/restore-selection";
import type { RunKind, RunStatus } from "@/lib/generated/prisma/enums";

/** A run as the pages and the progress endpoint show it (JSON-safe). */
export type RunView = {
  id: string;
  kind: RunKind;
  status: RunStatus;
  phase: string | null;
  table: string | null;
  rowsDone: number;
  rowsTotal: number;
  startedAt: string;
  finishedAt: string | null;
  /** Support only: the technical reason of a failure. */
  error: string | null;
  figures: Record<string, unknown> | null;
  csvFile: { fileName: string; sizeBytes: number; rowCounts: Record<string, number>; sha256: string; expiresAt: string } | null;
};

export type RunFailureView = { reason: "SNAPSHOT_GONE" | "CHECKSUM_MISMATCH" | "SERVER_STOPPED" | "UNEXPECTED"; table?: string };

/** Why a failed run failed (recorded with its figures), for the pages to translate. */
export function failureOf(figures: unknown): RunFailureView | null {
  return (figures as { failure?: RunFailureView } | null)?.failure ?? null;
}


/** The figures of a ticket's successful selective restore (its emptied links), if it had one. */
export function selectiveRunFigures(runs: readonly Pick<RunView, "kind" | "status" | "figures">[]): { emptiedLinks?: EmptiedLink[]; emptiedLinkCount?: number } | null {
  const run = runs.find((r) => r.kind === "SELECTIVE_RESTORE" && r.status === "SUCCEEDED");
  return (run?.figures as { emptiedLinks?: EmptiedLink[]; emptiedLinkCount?: number } | null) ?? null;
}
