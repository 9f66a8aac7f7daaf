"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, type ActionResult } from "@/lib/actions/define-action";
import { prisma } from "@/lib/db/prisma";
import { createRestoreRequest } from "@/lib/tickets/create-restore-request";
import { ZCreateRestoreRequestInput } from "@/lib/tickets/create-restore-request.schema";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import type { ChangeRecordPage } from "@/lib/selective-restore/list-change-records";
import { listRequestChangeRecords } from "@/lib/selective-restore/list-request-change-records";
import { previewRestoreRequest, type RequestPreviewView } from "@/lib/selective-restore/preview-restore-request";
import { ZRequestChangeListInput, ZRequestPreviewInput } from "@/lib/selective-restore/request-preview.schema";

const fileRequest = defineAction(
  // Members are let through so they get the domain's explanation, not a bare "forbidden".
  { input: ZCreateRestoreRequestInput, allow: ["ACCOUNT_ADMIN", "ACCOUNT_MEMBER"] },
  async ({ input, actor }) => createRestoreRequest({ db: prisma, actor, input }),
);

export async function createRestoreRequestAction(
  previous: ActionResult<{ number: number; created: boolean }> | null,
  formData: FormData,
): Promise<ActionResult<{ number: number; created: boolean }>> {
  const result = await fileRequest(previous, formData);
  if (!result.ok) return result;
  revalidatePath("/recovery");
  redirect(`/recovery/${formatTicketNumber(result.data.number)}?filed=1`);
}

// Account admins only: members cannot file, so they have nothing to preview.
const previewRequest = defineAction({ input: ZRequestPreviewInput, allow: ["ACCOUNT_ADMIN"] }, async ({ input, actor }) =>
  previewRestoreRequest({ accountId: actor.accountId, input }),
);

export async function previewRequestAction(input: unknown): Promise<ActionResult<RequestPreviewView>> {
  return previewRequest(input);
}

const listChanges = defineAction({ input: ZRequestChangeListInput, allow: ["ACCOUNT_ADMIN"] }, async ({ input, actor }) =>
  listRequestChangeRecords({ accountId: actor.accountId, input }),
);

export async function listRequestChangesAction(input: unknown): Promise<ActionResult<ChangeRecordPage>> {
  return listChanges(input);
}
