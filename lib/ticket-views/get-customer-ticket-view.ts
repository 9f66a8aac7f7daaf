import "server-only";
import type { Role } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/prisma";
import { customerRunView, listRunViews } from "@/lib/restore/run-view";
import { getTicketLossAlert } from "@/lib/loss-alerts/get-ticket-loss-alert";
import { getCustomerTicket } from "@/lib/tickets/get-customer-ticket";
import { availableActions, canReply } from "@/lib/tickets/state-machine";
import type { RecordedPreview } from "@/lib/preview/preview-figures";
import { getSelectionView } from "@/lib/selective-restore/get-selection-view";
import { parseSelection } from "@/lib/selective-restore/selection";
import { selectiveRunFigures } from "@/lib/restore/run-view-model";
import { listWaitingUploads } from "@/lib/attachments/list-waiting-uploads";

/**
 * Everything the requester's ticket page shows: the ticket of their own
 * account (null for any other, or none), its latest run as customers see it,
 * and what they may do now.
 */
export async function getCustomerTicketView({ actor, number, locale }: { actor: { id: string; role: Role; accountId: string | null }; number: number; locale: string }) {
  if (!actor.accountId) return null;
  const ticket = await getCustomerTicket({ db: prisma, accountId: actor.accountId, number });
  if (!ticket) return null;
  const [runs, lossAlert, waitingUploads] = await Promise.all([
    listRunViews(prisma, ticket.id),
    getTicketLossAlert(prisma, ticket.lossAlertId, locale),
    listWaitingUploads(prisma, { ticketId: ticket.id, uploaderId: actor.id }),
  ]);
  const latestRun = runs[0];
  const selection = parseSelection(ticket.selection);
  const actions = availableActions({
    status: ticket.status,
    method: ticket.method,
    actorRole: actor.role,
    actorId: actor.id,
    actorIsOnTicketAccount: true,
    approvalRequestedById: null,
  });
  // An undone restore: when, and the reason support gave (the timeline's Undone event carries it).
  const undoneEvent = ticket.status === "UNDONE" ? ticket.events.findLast((event) => event.kind === "UNDONE") : undefined;
  return {
    ticket,
    undone: undoneEvent ? { at: undoneEvent.createdAt, reason: undoneEvent.body } : null,
    latestRun: latestRun ? customerRunView(latestRun) : null,
    canCancel: actions.includes("CANCEL"),
    canReply: canReply(ticket.status, actor.role),
    /** The loss alert the request was filed from. */
    lossAlert,
    /** A selective restore's choice in words, and what it would change as seen when filing. */
    selectionView: selection ? await getSelectionView({ accountId: actor.accountId, selection, snapshotId: ticket.snapshotId, runFigures: selectiveRunFigures(runs) }) : null,
    requestedFigures: (ticket.requestPreview as RecordedPreview | null)?.figures ?? null,
    /** The requester's uploads not sent yet: the reply form shows them again. */
    waitingUploads,
  };
}
