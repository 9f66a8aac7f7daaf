import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/test-db";
import { createStaff, createTestAccount } from "@/lib/testing/fixtures";
import { findQueueNeighbours } from "@/lib/tickets/find-queue-neighbours";
import { listSupportTickets } from "@/lib/tickets/list-support-tickets";
import { parseTicketQueueParams } from "@/lib/tickets/ticket-queue-params";

const t = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const now = Date.now();

/** Number → days until its backup expires (null: none held), and whether it is closed. */
const TICKETS: { number: number; expiresInDays: number | null; closed?: boolean }[] = [
  { number: 101, expiresInDays: 1 },
  { number: 102, expiresInDays: 1 },
  { number: 103, expiresInDays: 3 },
  { number: 104, expiresInDays: null },
  { number: 105, expiresInDays: null },
  { number: 106, expiresInDays: 0, closed: true },
  { number: 100, expiresInDays: 2 },
];
/** Most urgent first, ties newest first, tickets without a held backup last, closed ones not at all. */
const QUEUE_ORDER = [102, 101, 100, 103, 105, 104];

const position = async (number: number) => t.db.restoreTicket.findUniqueOrThrow({ where: { number }, select: { number: true, closedAt: true, backupExpiresAt: true } });

beforeAll(async () => {
  const { account, admin } = await createTestAccount(t.db, { snapshotDaysAgo: [] });
  for (const ticket of TICKETS) {
    await t.db.restoreTicket.create({
      data: {
        number: ticket.number,
        accountId: account.id,
        requesterId: admin.id,
        method: "CSV",
        restoreDate: new Date(now - DAY),
        description: `Ticket ${ticket.number}`,
        status: ticket.closed ? "COMPLETED" : "SUBMITTED",
        backupExpiresAt: ticket.expiresInDays === null ? null : new Date(now + ticket.expiresInDays * DAY),
        closedAt: ticket.closed ? new Date(now) : null,
      },
    });
  }
});

describe("findQueueNeighbours", () => {
  it("follows the order the queue opens in", async () => {
    const { user } = await createStaff(t.db);
    const queue = await listSupportTickets({ db: t.db, params: parseTicketQueueParams({}), actorId: user.id });
    expect(queue.rows.map((row) => row.number)).toEqual(QUEUE_ORDER);
  });

  it("walks the whole queue forwards and backwards, stopping at its ends", async () => {
    for (const [i, number] of QUEUE_ORDER.entries()) {
      const neighbours = await findQueueNeighbours({ db: t.db, ticket: await position(number) });
      expect(neighbours, `around ${number}`).toEqual({ previous: QUEUE_ORDER[i - 1] ?? null, next: QUEUE_ORDER[i + 1] ?? null });
    }
  });

  it("gives a closed ticket no neighbours", async () => {
    expect(await findQueueNeighbours({ db: t.db, ticket: await position(106) })).toEqual({ previous: null, next: null });
  });

  it("skips a ticket closed since the page loaded", async () => {
    // A colleague closed 101 while 100 was open on screen: k from 100 lands on 102.
    const shown = await position(100);
    await t.db.restoreTicket.update({ where: { number: 101 }, data: { closedAt: new Date(now) } });
    expect(await findQueueNeighbours({ db: t.db, ticket: shown })).toEqual({ previous: 102, next: 103 });
  });
});
