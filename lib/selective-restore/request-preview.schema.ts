import { z } from "@/lib/zod";
import { ZRequestSelection } from "@/lib/tickets/create-restore-request.schema";
import { CHANGE_BUCKETS } from "@/lib/selective-restore/change-buckets";
import { ACCOUNT_TABLE_KEYS } from "@/lib/account-data/tables";

/** "What this restore would change" on the request form: the form's own choices, before filing. */
export const ZRequestPreviewInput = z
  .object({
    method: z.enum(["FULL", "SELECTIVE"], { error: "methodRequired" }),
    restoreDate: z.string({ error: "dateRequired" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateRequired" }),
    selection: ZRequestSelection,
  })
  .refine((v) => v.method !== "SELECTIVE" || v.selection, { error: "selectionEmpty", path: ["selection"] });

/** One page of one list of that preview. */
export const ZRequestChangeListInput = ZRequestPreviewInput.and(
  z.object({
    table: z.enum(ACCOUNT_TABLE_KEYS),
    bucket: z.enum(CHANGE_BUCKETS),
    query: z.string().max(200).default(""),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  }),
);

export type TRequestPreviewInput = z.output<typeof ZRequestPreviewInput>;
export type TRequestChangeListInput = z.output<typeof ZRequestChangeListInput>;
