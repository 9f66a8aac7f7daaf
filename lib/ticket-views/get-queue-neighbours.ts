import "server-only";
import { prisma } from "@/lib/db/prisma";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import { findQueueNeighbours } from "@/lib/tickets/find-queue-neighbours";

/** The ticket page's previous / next links (and j / k): the neighbouring tickets' pages in the queue's default order. */
export async function getQueueNeighbours(ticket: Parameters<typeof findQueueNeighbours>[0]["ticket"]) {
  const { previous, next } = await findQueueNeighbours({ db: prisma, ticket });
  const href = (number: number | null) => (number === null ? null : `/support/tickets/${formatTicketNumber(number)}`);
  return { previousHref: href(previous), nextHref: href(next) };
}
