"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { prisma } from "@/lib/db/prisma";
import { assignTickets } from "@/lib/tickets/assign-tickets";
import { ZBulkAssignInput } from "@/lib/tickets/support-actions.schema";

export const bulkAssignAction = defineAction({ input: ZBulkAssignInput, allow: ["SUPPORT_AGENT", "SUPPORT_LEAD"] }, async ({ input, actor }) => {
  const result = await assignTickets({ db: prisma, actor, ticketIds: input.ticketIds, assigneeId: input.assigneeId });
  revalidatePath("/support/tickets");
  return result;
});
