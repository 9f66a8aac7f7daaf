import { z } from "@/lib/zod";
import { rewritesExistingData, ZSelection } from "@/lib/selective-restore/selection";

/** Limits of "What was lost?" — shared by the form (live hints) and the server. */
export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 5000;

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** The form sends a selection as JSON text; a crafted one that does not parse is no selection. */
const jsonText = (value: unknown) => {
  if (typeof value !== "string") return value;
  if (value === "") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return "not-json";
  }
};

export const ZRequestMethod = z.enum(["CSV", "FULL", "SELECTIVE"], { error: "methodRequired" });
export const ZRequestSelection = z.preprocess(jsonText, ZSelection.optional());

/**
 * The request as the server receives it. Messages are keys of the
 * "requestForm.errors" messages, so the form shows them in the user's language.
 */
export const ZCreateRestoreRequestInput = z
  .object({
    method: ZRequestMethod,
    /** A selective restore's what and how (JSON); ignored for the other methods. */
    selection: ZRequestSelection,
    restoreDate: z.string({ error: "dateRequired" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateRequired" }),
    description: z
      .string({ error: "descriptionTooShort" })
      .trim()
      .min(DESCRIPTION_MIN, { error: "descriptionTooShort" })
      .max(DESCRIPTION_MAX, { error: "descriptionTooLong" }),
    ackAllUsers: checkbox.refine((v) => v, { error: "ackAllUsersRequired" }),
    ackDataLoss: checkbox,
    requestKey: z.uuid({ error: "invalidForm" }),
    /** Filed from a loss alert ("Review and restore"): the alert it answers. */
    lossAlertId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: "invalidForm" }).optional()),
  })
  .superRefine((value, ctx) => {
    if (value.method === "SELECTIVE" && !value.selection) {
      ctx.addIssue({ code: "custom", path: ["selection"], message: "selectionEmpty" });
    }
    // Losing later changes is the consequence of a restore that removes or reverts.
    if (rewritesExistingData(value.method, value.selection ?? null) && !value.ackDataLoss) {
      ctx.addIssue({ code: "custom", path: ["ackDataLoss"], message: "ackDataLossRequired" });
    }
  });

export type TCreateRestoreRequestInput = z.output<typeof ZCreateRestoreRequestInput>;
