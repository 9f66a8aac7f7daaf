"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { defineAction } from "@/lib/actions/define-action";
import { prisma } from "@/lib/db/prisma";
import { applyImport, discardImport } from "@/lib/import/apply-import";
import { importTicketFile } from "@/lib/import/import-upload";
import { ZTicketNumber } from "@/lib/tickets/reply-to-ticket.schema";
import { requireTicketNumber } from "@/lib/tickets/require-ticket-number";

const ADMIN = ["ACCOUNT_ADMIN"] as const;
const ZImportTarget = z.object({ id: z.uuid() });

export const applyImportAction = defineAction({ input: ZImportTarget, allow: ADMIN }, async ({ input, actor }) => {
  const figures = await applyImport({ db: prisma, accountId: actor.accountId, importId: input.id });
  revalidatePath("/crm/import");
  return figures;
});

export const discardImportAction = defineAction({ input: ZImportTarget, allow: ADMIN }, async ({ input, actor }) => {
  await discardImport({ db: prisma, accountId: actor.accountId, importId: input.id });
  revalidatePath("/crm/import");
  return { done: true };
});

export const importTicketFileAction = defineAction(
  { input: z.object({ number: ZTicketNumber, mode: z.enum(["ONLY_MISSING", "OVERWRITE"]) }), allow: ADMIN },
  async ({ input, actor }) => {
    const id = await importTicketFile({ db: prisma, ticketNumber: requireTicketNumber(input.number), accountId: actor.accountId, userId: actor.id, mode: input.mode });
    return { id };
  },
);
