"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { prisma } from "@/lib/db/prisma";
import { cancelTicket } from "@/lib/tickets/cancel-ticket";
import { replyToTicket } from "@/lib/tickets/reply-to-ticket";
import { ZCancelTicketInput, ZReplyToTicketInput } from "@/lib/tickets/reply-to-ticket.schema";
import { requireTicketNumber } from "@/lib/tickets/require-ticket-number";

export const replyAction = defineAction({ input: ZReplyToTicketInput, allow: ["ACCOUNT_ADMIN"] }, async ({ input, actor }) => {
  await replyToTicket({ db: prisma, actor, number: requireTicketNumber(input.number), body: input.body, expectedVersion: input.version, attachmentIds: input.attachmentId });
  revalidatePath(`/recovery/${input.number}`);
  return { replied: true };
});

export const cancelAction = defineAction({ input: ZCancelTicketInput, allow: ["ACCOUNT_ADMIN"] }, async ({ input, actor }) => {
  await cancelTicket({ db: prisma, actor, number: requireTicketNumber(input.number), expectedVersion: input.version });
  revalidatePath(`/recovery/${input.number}`);
  revalidatePath("/recovery");
  return { cancelled: true };
});
