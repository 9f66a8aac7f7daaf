import { AppError } from "@/lib/errors/app-error";
import { parseTicketNumber } from "@/lib/format/ticket-number";

/** `RR-000123` → 123, or NOT_FOUND: a crafted number is a ticket that does not exist. */
export function requireTicketNumber(text: string): number {
  const number = parseTicketNumber(text);
  if (number === null) throw new AppError("NOT_FOUND", "TICKET_NOT_FOUND");
  return number;
}
