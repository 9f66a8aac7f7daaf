import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { recordSelfAssignment } from "@/lib/tickets/record-self-assignment";
import type { SIMPLE_SUPPORT_ACTIONS } from "@/lib/tickets/simple-support-actions";
import { requireTicketForActor } from "@/lib/tickets/require-ticket-for-actor";
import type { TicketTarget } from "@/lib/tickets/ticket-target";
import { transitionTicket } from "@/lib/tickets/transition-ticket";

/**
 * A review step that needs nothing but the state machine's word (start
 * review, ask, request approval, reject). Whoever starts the review of an
 * unassigned ticket takes it: the queue shows who is on it.
 */
export async function applySupportAction({ db, actor, number, expectedVersion, action, body }: TicketTarget & { action: (typeof SIMPLE_SUPPORT_ACTIONS)[number]; body?: string }) {
  const found = await requireTicketForActor({ db, actor, number });
  if (action === "ASK_FOR_INFO" && !body?.trim()) throw new AppError("VALIDATION", "QUESTION_REQUIRED");
  await db.$transaction(async (tx) => {
    const ticket = await tx.restoreTicket.findUniqueOrThrow({ where: { id: found.id }, select: { assigneeId: true, accountId: true } });
    const takes = action === "START_REVIEW" && ticket.assigneeId === null && actor.id !== null;
    await transitionTicket({ tx, ticketId: found.id, action, actor, expectedVersion, body: body?.trim() || null, extra: takes ? { assigneeId: actor.id } : undefined });
    if (takes) await recordSelfAssignment(tx, { ticketId: found.id, accountId: ticket.accountId, actorId: actor.id! });
  });
}
