import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { refusalError } from "@/lib/errors/refusal-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TicketEventKind } from "@/lib/generated/prisma/enums";
import { parseSelection } from "@/lib/selective-restore/selection";
import { decideTransition, type TicketAction } from "@/lib/tickets/state-machine";
import type { TicketActor } from "@/lib/tickets/ticket-actor";
import { isOpenStatus } from "@/lib/tickets/status";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";

const EVENT_KIND: Record<TicketAction, TicketEventKind> = {
  START_REVIEW: "STATUS_CHANGED",
  ASK_FOR_INFO: "INFO_REQUESTED",
  PROVIDE_INFO: "STATUS_CHANGED",
  REQUEST_APPROVAL: "APPROVAL_REQUESTED",
  APPROVE: "APPROVED",
  REJECT: "REJECTED",
  CANCEL: "STATUS_CHANGED",
  START_RUN: "RUN_STARTED",
  RETRY: "RUN_STARTED",
  COMPLETE_RUN: "RUN_COMPLETED",
  FAIL_RUN: "RUN_FAILED",
  COMPLETE_UNDO: "UNDONE",
};

/** Support-only bookkeeping that customers need not see. */
const INTERNAL_ACTIONS: readonly TicketAction[] = ["REQUEST_APPROVAL"];

export type TransitionOptions = {
  tx: DbOrTx;
  ticketId: string;
  action: TicketAction;
  actor: TicketActor;
  /** The version the actor saw; a concurrent change makes this a CONFLICT. */
  expectedVersion?: number;
  /** Rejection reason, or the question asked, shown on the timeline. */
  body?: string | null;
  data?: Prisma.InputJsonValue;
  /** Extra ticket columns written with the change (e.g. the approved preview). */
  extra?: Prisma.RestoreTicketUncheckedUpdateManyInput;
  /** When it happened (the demo seed replays history); defaults to now. */
  at?: Date;
};

/**
 * Applies one life-cycle action: asks the state machine, writes the change
 * only if the ticket is still at the version read (optimistic concurrency),
 * and appends the timeline event. Call inside a transaction.
 */
export async function transitionTicket({ tx, ticketId, action, actor, expectedVersion, body, data, extra, at = new Date() }: TransitionOptions) {
  const ticket = await tx.restoreTicket.findUnique({ where: { id: ticketId } });
  if (!ticket) throw new AppError("NOT_FOUND", "TICKET_NOT_FOUND");
  if (expectedVersion !== undefined && ticket.version !== expectedVersion) throw new AppError("CONFLICT", "TICKET_CHANGED");

  const decision = decideTransition(action, {
    status: ticket.status,
    method: ticket.method,
    actorRole: actor.role,
    actorId: actor.id,
    actorIsOnTicketAccount: actor.accountId === ticket.accountId,
    approvalRequestedById: ticket.approvalRequestedById,
    reason: body,
    selection: parseSelection(ticket.selection),
  });
  if (!decision.ok) {
    throw refusalError(decision.code);
  }

  const stillOpen = isOpenStatus(decision.to);
  const updated = await tx.restoreTicket.updateMany({
    where: { id: ticket.id, version: ticket.version },
    data: {
      ...extra,
      status: decision.to,
      version: { increment: 1 },
      openForAccountId: stillOpen ? ticket.accountId : null,
      closedAt: stillOpen ? null : at,
      ...(action === "REQUEST_APPROVAL" ? { approvalRequestedById: actor.id } : {}),
      ...(action === "REJECT" ? { rejectionReason: body } : {}),
      // Support's question answers whatever the requester wrote before it.
      ...(action === "ASK_FOR_INFO" || !stillOpen ? { customerRepliedAt: null } : {}),
    },
  });
  // Someone else changed the ticket between our read and our write.
  if (updated.count !== 1) throw new AppError("CONFLICT", "TICKET_CHANGED");

  await recordTicketEvent(tx, {
      ticketId: ticket.id,
      accountId: ticket.accountId,
      actorId: actor.id,
      kind: EVENT_KIND[action],
      fromStatus: ticket.status,
      toStatus: decision.to,
      body: body ?? null,
      internal: INTERNAL_ACTIONS.includes(action),
      data,
      createdAt: at,
    });
  return { ...ticket, status: decision.to, version: ticket.version + 1 };
}
