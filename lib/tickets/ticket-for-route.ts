import "server-only";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db/prisma";
import { findTicketForActor } from "@/lib/tickets/find-ticket-for-actor";
import { parseTicketNumber } from "@/lib/format/ticket-number";

/**
 * For route handlers: the ticket behind `RR-000123` if this actor may see it
 * (support, or the admin of its account) — otherwise null, answered as 404.
 */
export async function ticketForRoute(actor: Actor, text: string) {
  const number = parseTicketNumber(text);
  if (number === null) return null;
  return findTicketForActor({ db: prisma, actor, number });
}
