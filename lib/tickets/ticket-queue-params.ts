/**
 * The support queue's view state, kept in the URL so a view can be shared and
 * the back button works. Parsing never throws: unknown or malformed values
 * fall back to defaults, and only allow-listed sort keys reach the query.
 */
import { z } from "@/lib/zod";
import { RestoreMethod, TicketStatus } from "@/lib/generated/prisma/enums";

export const QUEUE_SORTS = ["urgency", "number", "account", "restoreDate", "status", "createdAt", "updatedAt", "firstResponse", "resolution"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const ASSIGNEE_FILTERS = ["any", "mine", "unassigned"] as const;
/** The queue's saved views, as tabs; "open" (everything not closed) is where an agent starts. */
export const QUEUE_VIEWS = ["open", "mine", "unassigned", "waitingForLead", "customerReplied", "all"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const PER_PAGE_OPTIONS = [25, 50, 100] as const;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const ZTicketQueueParams = z.object({
  view: z.preprocess(first, z.enum(QUEUE_VIEWS)).catch("open"),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1),
  perPage: z.preprocess(first, z.coerce.number().int().refine((n) => (PER_PAGE_OPTIONS as readonly number[]).includes(n))).catch(25),
  sort: z.preprocess(first, z.enum(QUEUE_SORTS)).catch("urgency"),
  dir: z.preprocess(first, z.enum(["asc", "desc"])).optional().catch(undefined),
  status: z
    .preprocess(
      (v) => (v === undefined ? [] : (Array.isArray(v) ? v : String(v).split(","))).filter((s) => (Object.values(TicketStatus) as string[]).includes(String(s))),
      z.array(z.enum(TicketStatus)),
    )
    .catch([]),
  method: z.preprocess(first, z.enum(RestoreMethod)).optional().catch(undefined),
  assignee: z.preprocess(first, z.enum(ASSIGNEE_FILTERS)).catch("any"),
  q: z.preprocess(first, z.string().trim().max(100)).optional().catch(undefined),
});

export type TicketQueueParams = z.infer<typeof ZTicketQueueParams>;

export function parseTicketQueueParams(searchParams: Record<string, string | string[] | undefined>): TicketQueueParams {
  return ZTicketQueueParams.parse(searchParams);
}

/** Natural direction per column: newest, most urgent or highest first. */
export function sortDirection(params: Pick<TicketQueueParams, "sort" | "dir">): "asc" | "desc" {
  if (params.dir) return params.dir;
  return params.sort === "urgency" || params.sort === "account" || params.sort === "status" ? "asc" : "desc";
}

/** The URL of a view: only non-default values, in a stable order. */
export function queueHref(params: TicketQueueParams, change: Partial<TicketQueueParams> = {}): string {
  const next = { ...params, ...change };
  const query = new URLSearchParams();
  if (next.view !== "open") query.set("view", next.view);
  if (next.q) query.set("q", next.q);
  if (next.status.length) query.set("status", next.status.join(","));
  if (next.method) query.set("method", next.method);
  if (next.assignee !== "any") query.set("assignee", next.assignee);
  if (next.sort !== "urgency") query.set("sort", next.sort);
  if (next.dir) query.set("dir", next.dir);
  if (next.perPage !== 25) query.set("perPage", String(next.perPage));
  if (next.page > 1) query.set("page", String(next.page));
  const text = query.toString();
  return text ? `/support/tickets?${text}` : "/support/tickets";
}
