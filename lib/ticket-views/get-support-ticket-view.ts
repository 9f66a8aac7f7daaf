import "server-only";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db/prisma";
import type { RecordedPreview } from "@/lib/preview/preview-figures";
import { listRunViews } from "@/lib/restore/run-view";
import { loadUndoFacts } from "@/lib/restore/start-run";
import { decideUndo, undoDeadline } from "@/lib/restore/undo-rules";
import { parseSelection } from "@/lib/selective-restore/selection";
import { getSelectionView } from "@/lib/selective-restore/get-selection-view";
import { selectiveRunFigures } from "@/lib/restore/run-view-model";
import { getSupportTicket, staffNames } from "@/lib/tickets/get-support-ticket";
import { getTicketLossAlert } from "@/lib/loss-alerts/get-ticket-loss-alert";
import { availableActions, decideTransition } from "@/lib/tickets/state-machine";
import { listWaitingUploads } from "@/lib/attachments/list-waiting-uploads";

/**
 * Everything support's ticket page shows: the ticket with its account,
 * snapshots and timeline, its runs, the names behind the approval, and what
 * this agent may do now — the state machine's and the undo rule's answers,
 * not the page's. Null for a ticket that does not exist.
 */
export async function getSupportTicketView({ actor, number, locale }: { actor: Actor; number: number; locale: string }) {
  const ticket = await getSupportTicket({ db: prisma, number });
  if (!ticket) return null;
  const [names, runs, undoFacts, lossAlert, waitingUploads] = await Promise.all([
    staffNames(prisma, [ticket.approvalRequestedById, ticket.approvedById]),
    listRunViews(prisma, ticket.id),
    loadUndoFacts(prisma, ticket.id, actor),
    getTicketLossAlert(prisma, ticket.lossAlertId, locale),
    listWaitingUploads(prisma, { ticketId: ticket.id, uploaderId: actor.id }),
  ]);
  const selection = parseSelection(ticket.selection);
  const context = {
    status: ticket.status,
    method: ticket.method,
    actorRole: actor.role,
    actorId: actor.id,
    actorIsOnTicketAccount: false,
    approvalRequestedById: ticket.approvalRequestedById,
    selection,
  };
  const approve = decideTransition("APPROVE", { ...context, reason: null });
  const fullRestore = runs.find((run) => (run.kind === "FULL_RESTORE" || run.kind === "SELECTIVE_RESTORE") && run.status === "SUCCEEDED");
  const figures = fullRestore?.figures as { deleted?: number; inserted?: number } | undefined;
  return {
    ticket,
    runs,
    approvalRequestedBy: ticket.approvalRequestedById ? (names.get(ticket.approvalRequestedById) ?? null) : null,
    approvedBy: ticket.approvedById ? (names.get(ticket.approvedById) ?? null) : null,
    actions: availableActions(context),
    canAssignToMe: !ticket.closedAt && ticket.assignee?.id !== actor.id,
    /** Why Approve is not offered while the ticket is in review (four eyes, a lead's approval), as an error key. */
    approveBlockedKey: ticket.status === "IN_REVIEW" && !approve.ok && approve.code !== "NOT_IN_THIS_STATE" ? approve.code : null,
    undoUntil: decideUndo(undoFacts).ok && undoFacts.run?.finishedAt ? undoDeadline(undoFacts.run.finishedAt) : null,
    /** The preview figures the approver saw, recorded with the approval. */
    approvedPreview: (ticket.approvedPreview as RecordedPreview | null) ?? null,
    /** What the last successful full or selective restore removed and wrote (the approval card and the undo dialog repeat it). */
    fullRestoreFigures: figures ? { removed: figures.deleted ?? 0, written: figures.inserted ?? 0 } : null,
    /** The loss alert the request was filed from. */
    lossAlert,
    /** A selective restore's what and how, in words for the page too. */
    selection,
    selectionView: selection ? await getSelectionView({ accountId: ticket.accountId, selection, snapshotId: ticket.snapshotId, runFigures: selectiveRunFigures(runs) }) : null,
    /** What the requester saw when filing (the figures the live data is compared with until approval). */
    requestedPreview: (ticket.requestPreview as RecordedPreview | null) ?? null,
    /** This agent's uploads not sent yet: the message form shows them again. */
    waitingUploads,
  };
}
