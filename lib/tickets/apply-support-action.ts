import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { SIMPLE_SUPPORT_ACTIONS } from "@/lib/tickets/simple-support-actions";
import { requireTicketForActor } from "@/lib/tickets/require-ticket-for-actor";
import type { TicketTarget } from "@/lib/tickets/ticket-target";
import { transitionTicket } from "@/lib/tickets/transition-ticket";

/** A review step that needs nothing but the state machine's word (start review, ask, request approval, reject). */
export async function applySupportAction({ db, actor, number, expectedVersion, action, body }: TicketTarget & { action: (typeof SIMPLE_SUPPORT_ACTIONS)[number]; body?: string }) {
  const ticket = await requireTicketForActor({ db, actor, number });
  if (action === "ASK_FOR_INFO" && !body?.trim()) throw new AppError("VALIDATION", "QUESTION_REQUIRED");
  await db.$transaction((tx) => transitionTicket({ tx, ticketId: ticket.id, action, actor, expectedVersion, body: body?.trim() || null }));
}
