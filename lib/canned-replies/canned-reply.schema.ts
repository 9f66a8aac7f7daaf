import { z } from "@/lib/zod";
import { LOCALES } from "@/lib/i18n/locale";
import { REPLY_MAX } from "@/lib/tickets/reply-to-ticket.schema";

export const CANNED_TITLE_MAX = 120;
/** A canned reply is inserted into a reply, so it may be as long as one. */
export const CANNED_BODY_MAX = REPLY_MAX;

const ZCannedReplyId = z.uuid({ error: "CANNED_REPLY_NOT_FOUND" });

const fields = {
  locale: z.enum(LOCALES, { error: "cannedLocaleRequired" }),
  title: z.string({ error: "cannedTitleRequired" }).trim().min(1, { error: "cannedTitleRequired" }).max(CANNED_TITLE_MAX, { error: "cannedTitleTooLong" }),
  body: z.string({ error: "cannedBodyRequired" }).trim().min(1, { error: "cannedBodyRequired" }).max(CANNED_BODY_MAX, { error: "cannedBodyTooLong" }),
};

export const ZCreateCannedReplyInput = z.object(fields);
export const ZUpdateCannedReplyInput = z.object({ id: ZCannedReplyId, ...fields });
export const ZDeleteCannedReplyInput = z.object({ id: ZCannedReplyId });

export type CannedReplyInput = z.infer<typeof ZCreateCannedReplyInput>;
