/** Ticket numbers as people see them: RR- and at least six digits. */
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
