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

export const CLOSED_STATUSES = ["COMPLETED", "REJECTED", "CANCELLED"] as const satisfies readonly TicketStatus[];

export function isOpenStatus(status: TicketStatus): boolean {
  return (OPEN_STATUSES as readonly TicketStatus[]).includes(status);
}

export function formatTicketNumber(number: number): string {
  return `RR-${String(number).padStart(6, "0")}`;
}

/** `RR-000123` → 123; anything else → null (so a crafted URL is a plain 404). */
export function parseTicketNumber(text: string): number | null {
  const match = /^RR-(\d{6,9})$/.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}
