import { z } from "@/lib/zod";
import { ATTACHMENTS_PER_MESSAGE } from "@/lib/attachments/attachment-rules";

export const REPLY_MAX = 10_000;

/** The uploads sent with a message: form fields `attachmentId`, one per file (none, one or several). */
export const ZAttachmentIds = z
  .union([z.uuid({ error: "ATTACHMENT_GONE" }), z.array(z.uuid({ error: "ATTACHMENT_GONE" }))])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(z.array(z.string()).max(ATTACHMENTS_PER_MESSAGE, { error: "ATTACHMENTS_TOO_MANY" }));

export const ZTicketNumber = z.string().regex(/^RR-\d{6,9}$/, { error: "TICKET_NOT_FOUND" });

export const ZReplyToTicketInput = z.object({
  number: ZTicketNumber,
  body: z.string({ error: "replyEmpty" }).trim().min(1, { error: "replyEmpty" }).max(REPLY_MAX, { error: "replyTooLong" }),
  version: z.coerce.number().int().min(1),
  attachmentId: ZAttachmentIds,
});

export const ZCancelTicketInput = z.object({
  number: ZTicketNumber,
  version: z.coerce.number().int().min(1),
});
