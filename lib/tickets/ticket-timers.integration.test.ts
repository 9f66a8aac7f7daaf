import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/test-db";
import { createStaff, createTestAccount, requestInput } from "@/lib/testing/fixtures";
import { createTicketInState } from "@/lib/testing/ticket-fixtures";
import type { TicketStatus } from "@/lib/generated/prisma/enums";
import { getWeeklyTimersReport, REPORT_WEEKS } from "@/lib/reports/get-weekly-timers-report";
import { addInternalNote } from "@/lib/tickets/add-internal-note";
import { applySupportAction } from "@/lib/tickets/apply-support-action";
import { createRestoreRequest } from "@/lib/tickets/create-restore-request";
import { listSupportTickets } from "@/lib/tickets/list-support-tickets";
import { replyToTicket } from "@/lib/tickets/reply-to-ticket";
import { parseTicketQueueParams } from "@/lib/tickets/ticket-queue-params";
import { transitionTicket } from "@/lib/tickets/transition-ticket";

const t = useTestDatabase();
type Staff = Awaited<ReturnType<typeof createStaff>>;
let agent: Staff;

const HOUR = 60 * 60 * 1000;
const ticketOf = (number: number) => t.db.restoreTicket.findUniqueOrThrow({ where: { number } });
const version = async (number: number) => (await ticketOf(number)).version;
const lastEvent = (ticketId: string) => t.db.ticketEvent.findFirstOrThrow({ where: { ticketId }, orderBy: { createdAt: "desc" } });

async function fileTicket() {
  const account = await createTestAccount(t.db, { snapshotDaysAgo: [0, 1] });
  const { number } = await createRestoreRequest({ db: t.db, actor: account.adminActor, input: requestInput() });
  return { ...account, number };
}

/** A ticket with its timers' moments written directly (the queue and the report only read them). */
async function ticketAt(
  account: { account: { id: string }; admin: { id: string } },
  status: TicketStatus,
  { createdAt, firstResponseAt = null, closedAt = null }: { createdAt: Date; firstResponseAt?: Date | null; closedAt?: Date | null },
) {
  const ticket = await createTicketInState(t.db, { accountId: account.account.id, requesterId: account.admin.id, snapshotId: null, method: "CSV", status });
  return t.db.restoreTicket.update({ where: { id: ticket.id }, data: { createdAt, firstResponseAt, closedAt } });
}

beforeAll(async () => {
  agent = await createStaff(t.db);
});

describe("the first-response timer", () => {
  it("is stopped by support's first public reply, not by the requester, internal notes, status changes or later replies", async () => {
    const filed = await fileTicket();
    const { number, adminActor } = filed;
    expect((await ticketOf(number)).firstResponseAt).toBeNull();

    await replyToTicket({ db: t.db, actor: adminActor, number, body: "Any news?", expectedVersion: await version(number) });
    await addInternalNote({ db: t.db, actor: agent.actor, number, expectedVersion: await version(number), body: "Checking the backup first." });
    await applySupportAction({ db: t.db, actor: agent.actor, number, expectedVersion: await version(number), action: "START_REVIEW" });
    expect((await ticketOf(number)).firstResponseAt).toBeNull();

    await replyToTicket({ db: t.db, actor: agent.actor, number, body: "We are on it.", expectedVersion: await version(number) });
    const ticket = await ticketOf(number);
    const reply = await lastEvent(ticket.id);
    expect(reply.kind).toBe("REPLY");
    expect(ticket.firstResponseAt).toEqual(reply.createdAt);

    await replyToTicket({ db: t.db, actor: agent.actor, number, body: "Still on it.", expectedVersion: await version(number) });
    await replyToTicket({ db: t.db, actor: adminActor, number, body: "Thanks!", expectedVersion: await version(number) });
    expect((await ticketOf(number)).firstResponseAt).toEqual(reply.createdAt);
  });

  it("is stopped by support's question, at the moment the event is dated (the seed replays history)", async () => {
    const { number } = await fileTicket();
    const ticket = await ticketOf(number);
    const askedAt = new Date(ticket.createdAt.getTime() + 2 * HOUR);
    await t.db.$transaction((tx) => transitionTicket({ tx, ticketId: ticket.id, action: "ASK_FOR_INFO", actor: agent.actor, body: "Which day?", at: askedAt }));
    expect((await ticketOf(number)).firstResponseAt).toEqual(askedAt);
  });

  it("is not stopped by an answer after the ticket closed", async () => {
    const { number, adminActor } = await fileTicket();
    const ticket = await ticketOf(number);
    await t.db.$transaction((tx) => transitionTicket({ tx, ticketId: ticket.id, action: "CANCEL", actor: adminActor }));
    await replyToTicket({ db: t.db, actor: agent.actor, number, body: "Sorry we missed this.", expectedVersion: await version(number) });
    expect((await ticketOf(number)).firstResponseAt).toBeNull();
  });

  it("is not stopped by a ticket closing without an answer", async () => {
    const { number, adminActor } = await fileTicket();
    const ticket = await ticketOf(number);
    await t.db.$transaction((tx) => transitionTicket({ tx, ticketId: ticket.id, action: "CANCEL", actor: adminActor }));
    const closed = await ticketOf(number);
    expect(closed.closedAt).not.toBeNull();
    expect(closed.firstResponseAt).toBeNull();
  });
});

describe("the queue sorted by a timer", () => {
  const numbers: Record<string, number> = {};
  const filed = new Date(Date.now() - 20 * HOUR);
  const at = (hours: number) => new Date(filed.getTime() + hours * HOUR);
  const list = (query: Record<string, string>) => listSupportTickets({ db: t.db, params: parseTicketQueueParams({ view: "all", q: "Timer Sort Co", ...query }), actorId: agent.user.id });
  const names = (rows: { number: number }[]) => rows.map((row) => Object.keys(numbers).find((name) => numbers[name] === row.number));

  beforeAll(async () => {
    const account = await createTestAccount(t.db, { snapshotDaysAgo: [0] });
    await t.db.account.update({ where: { id: account.account.id }, data: { name: "Timer Sort Co" } });
    numbers.quick = (await ticketAt(account, "COMPLETED", { createdAt: at(0), firstResponseAt: at(0.5), closedAt: at(5) })).number;
    numbers.slow = (await ticketAt(account, "REJECTED", { createdAt: at(1), firstResponseAt: at(3), closedAt: at(9) })).number;
    numbers.unanswered = (await ticketAt(account, "CANCELLED", { createdAt: at(2), closedAt: at(3) })).number;
    const open = await ticketAt(account, "IN_REVIEW", { createdAt: at(3), firstResponseAt: at(3.1) });
    numbers.open = open.number;
    await t.db.restoreTicket.update({ where: { id: open.id }, data: { assigneeId: agent.user.id } });
  });

  it("by first response: the longest first, or the shortest, and unanswered tickets last either way", async () => {
    expect(names((await list({ sort: "firstResponse" })).rows)).toEqual(["slow", "quick", "open", "unanswered"]);
    expect(names((await list({ sort: "firstResponse", dir: "asc" })).rows)).toEqual(["open", "quick", "slow", "unanswered"]);
  });

  it("by resolution: an open ticket's timer runs until now, as the queue shows it", async () => {
    expect(names((await list({ sort: "resolution" })).rows)).toEqual(["open", "slow", "quick", "unanswered"]);
    expect(names((await list({ sort: "resolution", dir: "asc" })).rows)).toEqual(["unanswered", "quick", "slow", "open"]);
  });

  it("keeps every filter of the view: the same tickets and counts as the default order", async () => {
    const queries: Record<string, string>[] = [
      {},
      { view: "open" },
      { view: "mine" },
      { view: "unassigned" },
      { status: "COMPLETED,CANCELLED" },
      { method: "FULL" },
      { assignee: "mine" },
      { q: String(numbers.slow) },
      { q: "test_ticket" },
      { q: "Test ticket" },
    ];
    for (const query of queries) {
      const byDefault = await list(query);
      for (const sort of ["firstResponse", "resolution"]) {
        const sorted = await list({ ...query, sort });
        expect(sorted.rows.map((row) => row.number).sort(), JSON.stringify({ ...query, sort })).toEqual(byDefault.rows.map((row) => row.number).sort());
        expect(sorted.count).toBe(byDefault.count);
      }
    }
    expect(names((await list({ view: "mine", sort: "firstResponse" })).rows)).toEqual(["open"]);
  });
});

describe("the queue sorted by a timer, page by page", () => {
  // 70 tickets, open and closed, answered, unanswered and never answered, with equal timers among them:
  // every page of each sort, both ways, is the slice of one order computed here from the moments.
  // Long before the weekly report's weeks (below), which these tickets must not enter.
  const now = new Date(Date.UTC(2029, 0, 10, 12));
  const base = now.getTime() - 60 * HOUR;
  const tickets: { number: number; createdAt: Date; firstResponseAt: Date | null; closedAt: Date | null }[] = [];

  beforeAll(async () => {
    const pagingAccount = async (name: string) => {
      const account = await createTestAccount(t.db, { snapshotDaysAgo: [] });
      await t.db.account.update({ where: { id: account.account.id }, data: { name } });
      return account;
    };
    const closedOnes = await pagingAccount("Paging Timer Co");
    for (let i = 0; i < 70; i++) {
      const createdAt = new Date(base + ((i * 7) % 50) * HOUR);
      const open = i % 3 === 0;
      // One open request per account: each open ticket has its own.
      const account = open ? await pagingAccount(`Paging Timer Co ${i}`) : closedOnes;
      const firstResponseAt = i % 4 === 1 ? null : new Date(createdAt.getTime() + ((i * 5) % 9) * HOUR);
      const closedAt = open ? null : new Date(createdAt.getTime() + (((i * 13) % 40) + 1) * HOUR);
      const ticket = await ticketAt(account, open ? "IN_REVIEW" : "COMPLETED", { createdAt, firstResponseAt, closedAt });
      tickets.push({ number: ticket.number, createdAt, firstResponseAt, closedAt });
    }
  });

  const elapsed = {
    firstResponse: (x: (typeof tickets)[number]) => (x.firstResponseAt ? x.firstResponseAt.getTime() - x.createdAt.getTime() : x.closedAt ? null : now.getTime() - x.createdAt.getTime()),
    resolution: (x: (typeof tickets)[number]) => (x.closedAt ?? now).getTime() - x.createdAt.getTime(),
  };

  it("every page is the next slice of the one order, in both directions", async () => {
    for (const sort of ["firstResponse", "resolution"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const expected = [...tickets]
          .sort((a, b) => {
            const [x, y] = [elapsed[sort](a), elapsed[sort](b)];
            if (x !== y) return x === null ? 1 : y === null ? -1 : dir === "asc" ? x - y : y - x;
            return b.number - a.number;
          })
          .map((x) => x.number);
        const listed: number[] = [];
        for (const page of ["1", "2", "3"]) {
          const params = parseTicketQueueParams({ view: "all", q: "Paging Timer Co", sort, dir, page });
          listed.push(...(await listSupportTickets({ db: t.db, params, actorId: agent.user.id, now })).rows.map((row) => row.number));
        }
        expect(listed, `${sort} ${dir}`).toEqual(expected);
      }
    }
  });
});

describe("the weekly report", () => {
  // A Wednesday: this week began Monday 10 June 2030, the week before on 3 June.
  const now = new Date("2030-06-12T12:00:00Z");
  const day = (date: string) => new Date(`2030-06-${date}Z`);

  beforeAll(async () => {
    const account = await createTestAccount(t.db, { snapshotDaysAgo: [0] });
    await ticketAt(account, "COMPLETED", { createdAt: day("03T09:00:00"), firstResponseAt: day("03T10:00:00"), closedAt: day("05T09:00:00") });
    await ticketAt(account, "REJECTED", { createdAt: day("04T09:00:00"), firstResponseAt: day("04T12:00:00"), closedAt: day("05T09:00:00") });
    await ticketAt(account, "IN_REVIEW", { createdAt: day("05T09:00:00"), firstResponseAt: day("05T11:00:00") });
    // Filed on Saturday, answered and resolved the next week.
    await ticketAt(account, "CANCELLED", { createdAt: day("08T22:00:00"), firstResponseAt: day("10T02:00:00"), closedAt: day("11T22:00:00") });
  });

  it("counts each figure in the week it happened, with the medians of those weeks", async () => {
    const weeks = await getWeeklyTimersReport({ db: t.db, now });
    expect(weeks).toHaveLength(REPORT_WEEKS);
    expect(weeks[0]).toEqual({ weekStart: day("10T00:00:00"), filed: 0, responded: 1, medianFirstResponseMs: 28 * HOUR, resolved: 1, medianResolutionMs: 72 * HOUR });
    expect(weeks[1]).toEqual({ weekStart: day("03T00:00:00"), filed: 4, responded: 3, medianFirstResponseMs: 2 * HOUR, resolved: 2, medianResolutionMs: 36 * HOUR });
    expect(weeks.at(-1)!.weekStart).toEqual(new Date("2030-03-25T00:00:00Z"));
    for (const week of weeks.slice(2)) expect(week).toMatchObject({ filed: 0, responded: 0, medianFirstResponseMs: null, resolved: 0, medianResolutionMs: null });
  });
});
