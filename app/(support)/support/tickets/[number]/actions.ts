"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db/prisma";
import { startRestoreRun, startUndo } from "@/lib/restore/start-run";
import { replyToTicket } from "@/lib/tickets/reply-to-ticket";
import { addInternalNote } from "@/lib/tickets/add-internal-note";
import { applySupportAction } from "@/lib/tickets/apply-support-action";
import { approveTicket } from "@/lib/tickets/approve-ticket";
import { assignToMe } from "@/lib/tickets/assign-to-me";
import { ZApproveInput, ZSupportMessageInput, ZSupportTransitionInput, ZTicketTarget, ZUndoInput } from "@/lib/tickets/support-actions.schema";
import { requireTicketNumber } from "@/lib/tickets/require-ticket-number";

const SUPPORT = ["SUPPORT_AGENT", "SUPPORT_LEAD"] as const;

function target(actor: Actor, input: { number: string; version: number }) {
  return { db: prisma, actor, number: requireTicketNumber(input.number), expectedVersion: input.version };
}

function refresh(number: string) {
  revalidatePath(`/support/tickets/${number}`);
  revalidatePath("/support/tickets");
}

export const assignToMeAction = defineAction({ input: ZTicketTarget, allow: SUPPORT }, async ({ input, actor }) => {
  await assignToMe(target(actor, input));
  refresh(input.number);
  return { done: true };
});

export const supportTransitionAction = defineAction({ input: ZSupportTransitionInput, allow: SUPPORT }, async ({ input, actor }) => {
  await applySupportAction({ ...target(actor, input), action: input.action, body: input.body });
  refresh(input.number);
  return { done: true };
});

export const approveAction = defineAction({ input: ZApproveInput, allow: SUPPORT }, async ({ input, actor }) => {
  await approveTicket({ ...target(actor, input), note: input.note });
  refresh(input.number);
  return { done: true };
});

export const supportMessageAction = defineAction({ input: ZSupportMessageInput, allow: SUPPORT }, async ({ input, actor }) => {
  const t = target(actor, input);
  const message = { ...t, body: input.body, attachmentIds: input.attachmentId };
  if (input.visibility === "internal") await addInternalNote(message);
  else await replyToTicket(message);
  refresh(input.number);
  return { done: true };
});

/** *Run restore* and *Retry*: the run is created here; a worker of the job queue carries it out. */
export const runRestoreAction = defineAction({ input: ZTicketTarget, allow: SUPPORT }, async ({ input, actor }) => {
  const { runId } = await startRestoreRun(target(actor, input));
  refresh(input.number);
  return { runId };
});

export const undoRestoreAction = defineAction({ input: ZUndoInput, allow: SUPPORT }, async ({ input, actor }) => {
  const { runId } = await startUndo({ ...target(actor, input), reason: input.reason });
  refresh(input.number);
  return { runId };
});
