import "server-only";
import { isSupportRole } from "@/lib/auth/roles";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { refusalError } from "@/lib/errors/refusal-error";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import type { RestoreMethod, RunKind } from "@/lib/generated/prisma/enums";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOB, runJobKey } from "@/lib/jobs/job-names";
import { decideUndo, type UndoFacts } from "@/lib/restore/undo-rules";
import { requireTicketForActor } from "@/lib/tickets/require-ticket-for-actor";
import type { TicketActor } from "@/lib/tickets/ticket-actor";
import { transitionTicket } from "@/lib/tickets/transition-ticket";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";

const RUN_KIND_OF_METHOD = { CSV: "CSV_EXPORT", FULL: "FULL_RESTORE", SELECTIVE: "SELECTIVE_RESTORE" } as const satisfies Record<RestoreMethod, RunKind>;

type StartTarget = { db: Db; actor: TicketActor; number: number; expectedVersion: number; now?: Date };

/**
 * Creates the RUNNING run row and its job, in the caller's transaction: the
 * job exists exactly when the run does. The row's unique `runningForAccountId`
 * makes a second run on the account at the same time impossible, whatever the
 * path; the job's key makes one job per run. No heartbeat until a worker takes it.
 */
async function createRun(
  tx: DbOrTx,
  data: { ticketId: string; accountId: string; kind: RunKind; idempotencyKey: string; startedById: string | null; sourceSnapshotId: string; undoOfRunId?: string; now: Date },
) {
  const { now, ...fields } = data;
  let run;
  try {
    run = await tx.restoreRun.create({
      data: { ...fields, status: "RUNNING", runningForAccountId: data.accountId, phase: "QUEUED", heartbeatAt: null, startedAt: now },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "RESTORE_ALREADY_RUNNING");
    throw error;
  }
  // One attempt: a run that failed is retried by a person (Retry), as a new run.
  await enqueueJob(tx, JOB.executeRun, { runId: run.id }, { key: runJobKey(run.id), maxAttempts: 1 });
  return run;
}

/**
 * *Run restore* / *Retry*: moves the ticket to RUNNING and creates the run in
 * one transaction. Exactly once: the move is guarded by the ticket's version
 * (a double click or a second agent gets CONFLICT), the run by its unique
 * (ticket, attempt) key and the account's one-running-run constraint.
 * A worker of the job queue then carries it out.
 */
export async function startRestoreRun({ db, actor, number, expectedVersion, now = new Date() }: StartTarget): Promise<{ runId: string }> {
  const found = await requireTicketForActor({ db, actor, number });
  return db.$transaction(async (tx) => {
    const ticket = await tx.restoreTicket.findUniqueOrThrow({ where: { id: found.id } });
    // The state machine decides (role, state, version); a refusal rolls back.
    await transitionTicket({ tx, ticketId: ticket.id, action: ticket.status === "FAILED" ? "RETRY" : "START_RUN", actor, expectedVersion, at: now });
    if (!ticket.snapshotId) throw new AppError("INVALID_STATE", "SNAPSHOT_GONE");
    const attempt = (await tx.restoreRun.count({ where: { ticketId: ticket.id, kind: { not: "UNDO" } } })) + 1;
    const run = await createRun(tx, {
      ticketId: ticket.id,
      accountId: ticket.accountId,
      kind: RUN_KIND_OF_METHOD[ticket.method],
      idempotencyKey: `${ticket.id}:run:${attempt}`,
      startedById: actor.id,
      sourceSnapshotId: ticket.snapshotId,
      now,
    });
    return { runId: run.id };
  });
}

/** What the undo rule needs to know about a ticket, read in one place for the page and the action. */
export async function loadUndoFacts(db: DbOrTx, ticketId: string, actor: TicketActor, now = new Date()): Promise<UndoFacts & { runId: string | null; safetySnapshotId: string | null }> {
  const run = await db.restoreRun.findFirst({ where: { ticketId, kind: { in: ["FULL_RESTORE", "SELECTIVE_RESTORE"] } }, orderBy: { startedAt: "desc" } });
  const [safety, undone, newer, running] = run
    ? await Promise.all([
        run.safetySnapshotId ? db.snapshot.count({ where: { id: run.safetySnapshotId } }) : 0,
        db.restoreRun.count({ where: { undoOfRunId: run.id, status: "SUCCEEDED" } }),
        db.restoreRun.count({ where: { accountId: run.accountId, kind: { in: ["FULL_RESTORE", "SELECTIVE_RESTORE", "UNDO"] }, status: "SUCCEEDED", startedAt: { gt: run.startedAt }, NOT: { undoOfRunId: run.id } } }),
        db.restoreRun.count({ where: { runningForAccountId: run.accountId } }),
      ])
    : [0, 0, 0, 0];
  return {
    actorIsSupport: actor.role !== "SYSTEM" && isSupportRole(actor.role),
    run: run && { kind: run.kind, status: run.status, finishedAt: run.finishedAt, safetySnapshotExists: safety > 0 },
    alreadyUndone: undone > 0,
    newerRestoreOnAccount: newer > 0,
    runningOnAccount: running > 0,
    now,
    runId: run?.id ?? null,
    safetySnapshotId: run?.safetySnapshotId ?? null,
  };
}

/**
 * *Undo restore*: a run of kind UNDO that restores the safety snapshot the
 * full (or selective: the same selection) restore took. The ticket stays COMPLETED until the undo succeeds (then
 * UNDONE); its version guards against double starts, the run's key against a
 * second undo of the same restore. The reason is required: it goes on the
 * timeline and into what the customer is told.
 */
export async function startUndo({ db, actor, number, expectedVersion, reason, now = new Date() }: StartTarget & { reason: string }): Promise<{ runId: string }> {
  if (!reason.trim()) throw refusalError("REASON_REQUIRED");
  const found = await requireTicketForActor({ db, actor, number });
  return db.$transaction(async (tx) => {
    const bumped = await tx.restoreTicket.updateMany({ where: { id: found.id, version: expectedVersion }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) throw new AppError("CONFLICT", "TICKET_CHANGED");
    const facts = await loadUndoFacts(tx, found.id, actor, now);
    const decision = decideUndo(facts);
    if (!decision.ok) throw refusalError(decision.code);
    const attempt = (await tx.restoreRun.count({ where: { undoOfRunId: facts.runId } })) + 1;
    const run = await createRun(tx, {
      ticketId: found.id,
      accountId: found.accountId,
      kind: "UNDO",
      idempotencyKey: `${facts.runId}:undo:${attempt}`,
      startedById: actor.id,
      sourceSnapshotId: facts.safetySnapshotId!,
      undoOfRunId: facts.runId!,
      now,
    });
    await recordTicketEvent(tx, { ticketId: found.id, accountId: found.accountId, actorId: actor.id, kind: "RUN_STARTED", body: reason.trim(), data: { runId: run.id, runKind: "UNDO" }, createdAt: now });
    return { runId: run.id };
  });
}
