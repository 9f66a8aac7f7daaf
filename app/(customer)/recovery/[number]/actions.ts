"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { cancelTicket } from "@/lib/tickets/cancel-ticket";
import { replyToTicket } from "@/lib/tickets/reply-to-ticket";
import { ZCancelTicketInput, ZReplyToTicketInput } from "@/lib/tickets/reply-to-ticket.schema";
import { parseTicketNumber } from "@/lib/format/ticket-number";
import type { Actor } from "@/lib/auth/session";

function ticketActor(actor: Actor | null) {
  return { id: actor!.id, role: actor!.role, accountId: actor!.accountId };
}

function ticketNumber(text: string): number {
  const number = parseTicketNumber(text);
  if (number === null) throw new AppError("NOT_FOUND", "TICKET_NOT_FOUND");
  return number;
}

export const replyAction = defineAction({ input: ZReplyToTicketInput, allow: ["ACCOUNT_ADMIN"] }, async ({ input, actor }) => {
  await replyToTicket({ db: prisma, actor: ticketActor(actor), number: ticketNumber(input.number), body: input.body, expectedVersion: input.version });
  revalidatePath(`/recovery/${input.number}`);
  return { replied: true };
});

export const cancelAction = defineAction({ input: ZCancelTicketInput, allow: ["ACCOUNT_ADMIN"] }, async ({ input, actor }) => {
  await cancelTicket({ db: prisma, actor: ticketActor(actor), number: ticketNumber(input.number), expectedVersion: input.version });
  revalidatePath(`/recovery/${input.number}`);
  revalidatePath("/recovery");
  return { cancelled: true };
});
