import { z } from "@/lib/zod";
import { NotificationKind } from "@/lib/generated/prisma/enums";

export const ZMarkReadInput = z.object({ ids: z.array(z.uuid()).min(1).max(100) });

export const ZMarkAllReadInput = z.object({}).strict();

const ZKind = z.enum(Object.values(NotificationKind) as [NotificationKind, ...NotificationKind[]]);

/** The preferences form: one checkbox per kind, named `email`; a single ticked box arrives as a string. */
export const ZEmailPreferencesInput = z.object({
  email: z
    .union([ZKind, z.array(ZKind).max(50)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
});
