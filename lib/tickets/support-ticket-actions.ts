import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { computeRestorePreview } from "@/lib/restore/restore-preview";
import type { RecordedPreview } from "@/lib/restore/preview-figures";
import type { SIMPLE_SUPPORT_ACTIONS } from "@/lib/tickets/support-ticket-actions.constants";
import type { TicketActor } from "@/lib/tickets/ticket-actor";
import { findTicketIdForActor } from "@/lib/tickets/find-ticket-for-actor";
import { transitionTicket } from "@/lib/tickets/transition-ticket";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";

type Target = { db: Db; actor: TicketActor; number: number; expectedVersion: number };

async function locate(db: Db, actor: TicketActor, number: number) {
  const found = await findTicketIdForActor({ db, actor, number });
  if (!found) throw new AppError("NOT_FOUND", "TICKET_NOT_FOUND");
  return found;
}


export async function applySupportAction({ db, actor, number, expectedVersion, action, body }: Target & { action: (typeof SIMPLE_SUPPORT_ACTIONS)[number]; body?: string }) {
  const ticket = await locate(db, actor, number);
  if (action === "ASK_FOR_INFO" && !body?.trim()) throw new AppError("VALIDATION", "QUESTION_REQUIRED");
  await db.$transaction((tx) => transitionTicket({ tx, ticketId: ticket.id, action, actor, expectedVersion, body: body?.trim() || null }));
}

/**
 * "Assign to me": the ticket becomes the actor's; a new ticket also moves
 * into review, since someone is now looking at it.
 */
export async function assignToMe({ db, actor, number, expectedVersion }: Target) {
  const found = await locate(db, actor, number);
  await db.$transaction(async (tx) => {
    const ticket = await tx.restoreTicket.findUniqueOrThrow({ where: { id: found.id } });
    if (ticket.version !== expectedVersion) throw new AppError("CONFLICT", "TICKET_CHANGED");
    if (ticket.closedAt) throw new AppError("INVALID_STATE", "NOT_IN_THIS_STATE");
    const me = await tx.user.findUniqueOrThrow({ where: { id: actor.id! }, select: { name: true } });
    const updated = await tx.restoreTicket.updateMany({
      where: { id: ticket.id, version: expectedVersion },
      data: { assigneeId: actor.id, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "TICKET_CHANGED");
    await recordTicketEvent(tx, { ticketId: ticket.id, accountId: ticket.accountId, actorId: actor.id, kind: "ASSIGNED", body: me.name, internal: true, data: { assigneeId: actor.id } });
    if (ticket.status === "SUBMITTED") {
      await transitionTicket({ tx, ticketId: ticket.id, action: "START_REVIEW", actor, expectedVersion: expectedVersion + 1 });
    }
  });
}

/**
 * Approval records exactly what the approver saw: the preview figures at
 * that moment, so the ticket page can warn when the live data moves after.
 */
export async function approveTicket({ db, actor, number, expectedVersion }: Target) {
  const found = await locate(db, actor, number);
  const ticket = await db.restoreTicket.findUniqueOrThrow({ where: { id: found.id }, select: { accountId: true, snapshotId: true } });
  if (!ticket.snapshotId) throw new AppError("INVALID_STATE", "SNAPSHOT_GONE");
  const preview = await computeRestorePreview({ db, accountId: ticket.accountId, snapshotId: ticket.snapshotId });
  const recorded: RecordedPreview = { computedAt: preview.computedAt.toISOString(), snapshotId: ticket.snapshotId, figures: preview.figures };
  const now = new Date();
  await db.$transaction((tx) =>
    transitionTicket({
      tx,
      ticketId: found.id,
      action: "APPROVE",
      actor,
      expectedVersion,
      extra: { approvedById: actor.id, approvedAt: now, approvedPreview: recorded },
      data: { preview: recorded },
      at: now,
    }),
  );
}

export async function addInternalNote({ db, actor, number, expectedVersion, body }: Target & { body: string }) {
  const found = await locate(db, actor, number);
  if (actor.role !== "SUPPORT_AGENT" && actor.role !== "SUPPORT_LEAD") throw new AppError("FORBIDDEN", "NOT_ALLOWED_FOR_ROLE");
  await db.$transaction(async (tx) => {
    const bumped = await tx.restoreTicket.updateMany({ where: { id: found.id, version: expectedVersion }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) throw new AppError("CONFLICT", "TICKET_CHANGED");
    await recordTicketEvent(tx, { ticketId: found.id, accountId: found.accountId, actorId: actor.id, kind: "INTERNAL_NOTE", body, internal: true });
  });
}
