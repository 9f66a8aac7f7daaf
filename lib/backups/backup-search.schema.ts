import { z } from "@/lib/zod";
import { PICKABLE_TYPES } from "@/lib/selective-restore/selection";

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** **Search this backup**, as the page's address carries it; anything crafted falls back to its default. */
export const ZBackupSearchInput = z.object({
  query: z.preprocess(first, z.string().max(200).catch("")).default(""),
  type: z.preprocess(first, z.enum(PICKABLE_TYPES).optional().catch(undefined)),
  status: z.preprocess(first, z.enum(["ALL", "DELETED", "CHANGED"]).catch("ALL")).default("ALL"),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});

export type TBackupSearchInput = z.output<typeof ZBackupSearchInput>;
