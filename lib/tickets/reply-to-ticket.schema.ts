import { z } from "@/lib/zod";

export const REPLY_MAX = 10_000;

export const ZTicketNumber = z.string().regex(/^RR-\d{6,9}$/, { error: "TICKET_NOT_FOUND" });

export const ZReplyToTicketInput = z.object({
  number: ZTicketNumber,
  body: z.string({ error: "replyEmpty" }).trim().min(1, { error: "replyEmpty" }).max(REPLY_MAX, { error: "replyTooLong" }),
  version: z.coerce.number().int().min(1),
});

export const ZCancelTicketInput = z.object({
  number: ZTicketNumber,
  version: z.coerce.number().int().min(1),
});
