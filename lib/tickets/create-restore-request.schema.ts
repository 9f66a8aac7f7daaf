import { z } from "@/lib/zod";

/** Limits of "What was lost?" — shared by the form (live hints) and the server. */
export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 5000;

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/**
 * The request as the server receives it. Messages are keys of the
 * "requestForm.errors" messages, so the form shows them in the user's language.
 */
export const ZCreateRestoreRequestInput = z
  .object({
    method: z.enum(["CSV", "FULL"], { error: "methodRequired" }),
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
    // Losing later changes is the consequence of a full restore only.
    if (value.method === "FULL" && !value.ackDataLoss) {
      ctx.addIssue({ code: "custom", path: ["ackDataLoss"], message: "ackDataLossRequired" });
    }
  });

export type TCreateRestoreRequestInput = z.infer<typeof ZCreateRestoreRequestInput>;
