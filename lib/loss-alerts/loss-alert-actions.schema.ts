import { z } from "@/lib/zod";
import { ZLossThresholds } from "@/lib/loss-alerts/loss-rules";

export const ZDismissLossAlertInput = z.object({ id: z.uuid({ error: "invalidForm" }) });

/** Whom a threshold setting applies to: "plan:<id>" or "account:<id>". */
const ZScope = z.string({ error: "scopeRequired" }).regex(/^(plan|account):[0-9a-f-]{36}$/i, { error: "scopeRequired" });

export const ZSaveLossThresholdsInput = ZLossThresholds.extend({ scope: ZScope });
export const ZRemoveLossThresholdsInput = z.object({ scope: ZScope });

export type TSaveLossThresholdsInput = z.infer<typeof ZSaveLossThresholdsInput>;
