import type { TicketStatus } from "@/lib/generated/prisma/enums";

/** A ticket in one of these states still needs work and holds its snapshot. */
export const OPEN_STATUSES = [
  "SUBMITTED",
  "IN_REVIEW",
  "NEEDS_INFO",
  "APPROVED",
  "RUNNING",
  "FAILED",
] as const satisfies readonly TicketStatus[];

export const CLOSED_STATUSES = ["COMPLETED", "REJECTED", "CANCELLED", "UNDONE"] as const satisfies readonly TicketStatus[];

export function isOpenStatus(status: TicketStatus): boolean {
  return (OPEN_STATUSES as readonly TicketStatus[]).includes(status);
}
