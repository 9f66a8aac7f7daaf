import "server-only";
import { parseSelection, rewritesExistingData } from "@/lib/selective-restore/selection";
import type { DbOrTx } from "@/lib/db/client";
import type { RunKind, RunStatus } from "@/lib/generated/prisma/enums";
import type { RunView } from "@/lib/restore/run-view-model";
import { prisma } from "@/lib/db/prisma";

const RUN_SELECT = {
  id: true,
  kind: true,
  status: true,
  phase: true,
  currentTable: true,
  rowsDone: true,
  rowsTotal: true,
  startedAt: true,
  finishedAt: true,
  error: true,
  figures: true,
  csvFile: { select: { fileName: true, sizeBytes: true, rowCounts: true, sha256: true, expiresAt: true } },
} as const;

/** The ticket's runs, newest first. */
export async function listRunViews(db: DbOrTx, ticketId: string): Promise<RunView[]> {
  const runs = await db.restoreRun.findMany({ where: { ticketId }, orderBy: { startedAt: "desc" }, select: RUN_SELECT });
  return runs.map((run) => ({
    id: run.id,
    kind: run.kind,
    status: run.status,
    phase: run.phase,
    table: run.currentTable,
    rowsDone: Number(run.rowsDone),
    rowsTotal: Number(run.rowsTotal),
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    error: run.error,
    figures: (run.figures as Record<string, unknown> | null) ?? null,
    csvFile: run.csvFile && {
      fileName: run.csvFile.fileName,
      sizeBytes: Number(run.csvFile.sizeBytes),
      rowCounts: run.csvFile.rowCounts as Record<string, number>,
      sha256: run.csvFile.sha256,
      expiresAt: run.csvFile.expiresAt.toISOString(),
    },
  }));
}

/** What the requester may see of a run: no technical errors. */
export function customerRunView(run: RunView): RunView {
  return { ...run, error: null };
}

export type AccountRestoreNotice =
  | { state: "running"; ticketNumber: number; kind: RunKind; startedAt: Date; /** Writers are refused meanwhile (not when a selective restore only brings records back). */ readOnly: boolean }
  | { state: "finished"; ticketNumber: number; kind: RunKind; status: RunStatus; finishedAt: Date; restoreDate: Date };

const NOTICE_HOURS = 24;

/**
 * The banner every user of an account sees (SPEC §6): a full or selective
 * restore (or an undo) running now, or — for a day after — how the last one ended.
 */
export async function getAccountRestoreNotice({ accountId, db = prisma, now = new Date() }: { accountId: string; db?: DbOrTx; now?: Date }): Promise<AccountRestoreNotice | null> {
  const run = await db.restoreRun.findFirst({
    where: {
      accountId,
      kind: { in: ["FULL_RESTORE", "SELECTIVE_RESTORE", "UNDO"] },
      OR: [{ status: "RUNNING" }, { finishedAt: { gte: new Date(now.getTime() - NOTICE_HOURS * 3_600_000) } }],
    },
    orderBy: { startedAt: "desc" },
    select: { kind: true, status: true, startedAt: true, finishedAt: true, ticket: { select: { number: true, restoreDate: true, method: true, selection: true } } },
  });
  if (!run) return null;
  if (run.status === "RUNNING") {
    const readOnly = run.kind === "UNDO" || rewritesExistingData(run.ticket.method, parseSelection(run.ticket.selection));
    return { state: "running", ticketNumber: run.ticket.number, kind: run.kind, startedAt: run.startedAt, readOnly };
  }
  return { state: "finished", ticketNumber: run.ticket.number, kind: run.kind, status: run.status, finishedAt: run.finishedAt!, restoreDate: run.ticket.restoreDate };
}
