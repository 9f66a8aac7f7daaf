import "server-only";
import type { Db, DbOrTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RestoreRun } from "@/lib/generated/prisma/client";
import type { TicketEventKind } from "@/lib/generated/prisma/enums";
import { SnapshotMismatchError, type PhaseSummary } from "@/lib/restore/restore-account-from-snapshot";
import { transitionTicket } from "@/lib/tickets/transition-ticket";
import type { TicketActor } from "@/lib/tickets/ticket-actor";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";

const RUNNER: TicketActor = { id: null, role: "SYSTEM", accountId: null };

/** Why a run failed, as a code the timeline translates (plus a technical detail for support). */
export type RunFailure = { reason: RunFailureReason; table?: string; detail?: string };
export type RunFailureReason = "SNAPSHOT_GONE" | "PICKED_RECORDS_GONE" | "CHECKSUM_MISMATCH" | "SERVER_STOPPED" | "UNEXPECTED";

/** A failure the runner recognises and explains. */
export class RunFailedError extends Error {
  constructor(readonly failure: RunFailure) {
    super(failure.detail ?? failure.reason);
    this.name = "RunFailedError";
  }
}

export function describeFailure(error: unknown): RunFailure {
  if (error instanceof RunFailedError) return error.failure;
  if (error instanceof SnapshotMismatchError) return { reason: "CHECKSUM_MISMATCH", table: error.table, detail: error.message };
  return { reason: "UNEXPECTED", detail: error instanceof Error ? error.message.slice(0, 2000) : String(error) };
}

type RunRef = Pick<RestoreRun, "id" | "ticketId" | "accountId" | "kind" | "startedById">;

/** A failed undo leaves the completed ticket as it was: only the timeline and the version move. */
async function appendUndoEvent(tx: DbOrTx, run: RunRef, kind: TicketEventKind, data: Prisma.InputJsonValue) {
  await tx.restoreTicket.update({ where: { id: run.ticketId }, data: { version: { increment: 1 } } });
  await recordTicketEvent(tx, { ticketId: run.ticketId, accountId: run.accountId, actorId: null, kind, data, createdAt: new Date() });
}

/**
 * Ends a run as succeeded, inside the transaction that did its work: the run
 * row, the ticket and the timeline change together with the data, or not at
 * all. Refuses (throws) if the run is no longer RUNNING — it was given up on,
 * so its work must roll back.
 */
export async function recordRunSuccess(
  tx: DbOrTx,
  run: RunRef,
  { figures, safetySnapshotId }: { figures: Prisma.InputJsonValue; safetySnapshotId?: string },
): Promise<void> {
  const ended = await tx.restoreRun.updateMany({
    where: { id: run.id, status: "RUNNING" },
    data: { status: "SUCCEEDED", runningForAccountId: null, finishedAt: new Date(), figures, safetySnapshotId, phase: "DONE", currentTable: null },
  });
  if (ended.count !== 1) throw new Error(`Run ${run.id} is no longer running; its work is rolled back`);
  const data = { runId: run.id, runKind: run.kind, figures };
  if (run.kind === "UNDO") {
    // The reason support gave when starting the undo travels with the outcome the customer is told.
    const started = await tx.ticketEvent.findFirst({ where: { ticketId: run.ticketId, kind: "RUN_STARTED", data: { path: ["runId"], equals: run.id } }, select: { body: true } });
    await transitionTicket({ tx, ticketId: run.ticketId, action: "COMPLETE_UNDO", actor: RUNNER, data, body: started?.body ?? null });
  } else {
    await transitionTicket({ tx, ticketId: run.ticketId, action: "COMPLETE_RUN", actor: RUNNER, data });
  }
}

/**
 * Ends a run as failed, in its own transaction, after the work rolled back.
 * A run that already ended is left alone (exactly one outcome per run).
 */
export async function recordRunFailure(db: Db, run: RunRef, failure: RunFailure): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const ended = await tx.restoreRun.updateMany({
      where: { id: run.id, status: "RUNNING" },
      data: { status: "FAILED", runningForAccountId: null, finishedAt: new Date(), error: failure.detail ?? null, figures: { failure } },
    });
    if (ended.count !== 1) return false;
    const data = { runId: run.id, runKind: run.kind, failure };
    if (run.kind === "UNDO") await appendUndoEvent(tx, run, "RUN_FAILED", data);
    else await transitionTicket({ tx, ticketId: run.ticketId, action: "FAIL_RUN", actor: RUNNER, data });
    return true;
  });
}

/** A timeline entry for a finished phase; written in the run's transaction, so it exists only if the run succeeds. */
export async function recordRunPhase(tx: DbOrTx, run: RunRef, data: PhaseSummary): Promise<void> {
  await recordTicketEvent(tx, { ticketId: run.ticketId, accountId: run.accountId, actorId: null, kind: "RUN_PROGRESS", internal: true, data, createdAt: new Date() });
}
