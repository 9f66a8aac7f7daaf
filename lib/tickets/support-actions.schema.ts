import { z } from "@/lib/zod";
import { REPLY_MAX, ZAttachmentIds, ZTicketNumber } from "@/lib/tickets/reply-to-ticket.schema";
import { SIMPLE_SUPPORT_ACTIONS } from "@/lib/tickets/simple-support-actions";

const version = z.coerce.number().int().min(1);

export const ZTicketTarget = z.object({ number: ZTicketNumber, version });

export const ZSupportTransitionInput = ZTicketTarget.extend({
  action: z.enum(SIMPLE_SUPPORT_ACTIONS),
  body: z.string().trim().max(REPLY_MAX, { error: "replyTooLong" }).optional(),
});

/** Approval: an optional note for the timeline. */
export const ZApproveInput = ZTicketTarget.extend({
  note: z.string().trim().max(REPLY_MAX, { error: "replyTooLong" }).optional(),
});

/** Undo: the reason is required — the customer is told why their restore was reversed. */
export const ZUndoInput = ZTicketTarget.extend({
  reason: z.string({ error: "REASON_REQUIRED" }).trim().min(1, { error: "REASON_REQUIRED" }).max(REPLY_MAX, { error: "replyTooLong" }),
});

export const ZSupportMessageInput = ZTicketTarget.extend({
  body: z.string({ error: "replyEmpty" }).trim().min(1, { error: "replyEmpty" }).max(REPLY_MAX, { error: "replyTooLong" }),
  visibility: z.enum(["public", "internal"]),
  attachmentId: ZAttachmentIds,
});

export const ZBulkAssignInput = z.object({
  ticketIds: z.array(z.uuid()).min(1).max(100),
  assigneeId: z.uuid(),
});
