import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { RecordedPreview } from "@/lib/preview/preview-figures";
import { computeRestorePreview } from "@/lib/preview/restore-preview";
import { parseSelection } from "@/lib/selective-restore/selection";
import { requireTicketForActor } from "@/lib/tickets/require-ticket-for-actor";
import type { TicketTarget } from "@/lib/tickets/ticket-target";
import { transitionTicket } from "@/lib/tickets/transition-ticket";

/**
 * Approval records exactly what the approver saw: the preview figures at
 * that moment, so the ticket page can warn when the live data moves after.
 */
export async function approveTicket({ db, actor, number, expectedVersion, note }: TicketTarget & { note?: string }) {
  const found = await requireTicketForActor({ db, actor, number });
  const ticket = await db.restoreTicket.findUniqueOrThrow({ where: { id: found.id }, select: { accountId: true, snapshotId: true, selection: true } });
  if (!ticket.snapshotId) throw new AppError("INVALID_STATE", "SNAPSHOT_GONE");
  const preview = await computeRestorePreview({ db, accountId: ticket.accountId, snapshotId: ticket.snapshotId, selection: parseSelection(ticket.selection) });
  const recorded: RecordedPreview = { computedAt: preview.computedAt.toISOString(), snapshotId: ticket.snapshotId, figures: preview.figures };
  const now = new Date();
  await db.$transaction((tx) =>
    transitionTicket({
      tx,
      ticketId: found.id,
      action: "APPROVE",
      actor,
      expectedVersion,
      body: note?.trim() || null,
      extra: { approvedById: actor.id, approvedAt: now, approvedPreview: recorded },
      data: { preview: recorded },
      at: now,
    }),
  );
}
