import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TicketStatus } from "@/lib/generated/prisma/enums";
import { QUEUE_VIEWS, sortDirection, type QueueSort, type QueueView, type TicketQueueParams } from "@/lib/tickets/ticket-queue-params";

/** What each saved view holds. */
function viewWhere(view: QueueView, actorId: string): Prisma.RestoreTicketWhereInput {
  switch (view) {
    case "open":
      return { closedAt: null };
    case "mine":
      return { closedAt: null, assigneeId: actorId };
    case "unassigned":
      return { closedAt: null, assigneeId: null };
    case "waitingForLead":
      return { status: "IN_REVIEW", approvalRequestedById: { not: null } };
    case "customerReplied":
      return { closedAt: null, customerRepliedAt: { not: null } };
    case "all":
      return {};
  }
}

function orderBy(params: TicketQueueParams): Prisma.RestoreTicketOrderByWithRelationInput[] {
  const dir = sortDirection(params);
  switch (params.sort) {
    case "urgency":
      // Open tickets (closedAt null) first, the backup closest to expiry on top;
      // then closed tickets, most recently closed first.
      return [{ closedAt: { sort: "desc", nulls: "first" } }, { backupExpiresAt: { sort: dir, nulls: "last" } }, { number: "desc" }];
    case "account":
      return [{ account: { name: dir } }, { number: "desc" }];
    case "number":
      return [{ number: dir }];
    case "firstResponse":
    case "resolution":
      throw new Error(`${params.sort} is ordered in SQL (pageIdsByTimer)`);
    default:
      return [{ [params.sort]: dir }, { number: "desc" }];
  }
}

/** What the search box matched: a ticket number, or accounts by name and descriptions by text. */
type Search = { number: number } | { accountIds: string[]; text: string } | null;

async function resolveSearch(db: DbOrTx, q: string | undefined): Promise<Search> {
  if (!q) return null;
  const number = /^(?:RR-)?0*(\d{1,9})$/i.exec(q);
  if (number) return { number: Number(number[1]) };
  // Matching accounts first (a trigram index lookup), so the ticket side
  // is an index OR instead of a correlated subquery per ticket.
  const accounts = await db.account.findMany({ where: { name: { contains: q, mode: "insensitive" } }, select: { id: true }, take: 1000 });
  return { accountIds: accounts.map((a) => a.id), text: q };
}

/** The filters other than status (the status chips count within these). */
function baseWhere(params: TicketQueueParams, search: Search, actorId: string): Prisma.RestoreTicketWhereInput {
  const where: Prisma.RestoreTicketWhereInput = {};
  if (params.method) where.method = params.method;
  if (params.assignee === "mine") where.assigneeId = actorId;
  if (params.assignee === "unassigned") where.assigneeId = null;
  if (search && "number" in search) where.OR = [{ number: search.number }];
  else if (search) where.OR = [{ accountId: { in: search.accountIds } }, { description: { contains: search.text, mode: "insensitive" } }];
  return where;
}

/**
 * A timer's value as the queue shows it (lib/tickets/ticket-timers.ts), in
 * parts an index each reads in order: stopped (how long after filing it
 * stopped), still running (until now — the earliest filed has run longest)
 * and, for a first response, never (none came and the ticket closed: last).
 */
type TimerParts = { stopped: Prisma.Sql; elapsed: Prisma.Sql; running: Prisma.Sql; never: Prisma.Sql | null };
const TIMER_PARTS: Partial<Record<QueueSort, TimerParts>> = {
  firstResponse: {
    stopped: Prisma.sql`"firstResponseAt" IS NOT NULL`,
    elapsed: Prisma.sql`"firstResponseAt" - "createdAt"`,
    running: Prisma.sql`"firstResponseAt" IS NULL AND "closedAt" IS NULL`,
    never: Prisma.sql`"firstResponseAt" IS NULL AND "closedAt" IS NOT NULL`,
  },
  resolution: { stopped: Prisma.sql`"closedAt" IS NOT NULL`, elapsed: Prisma.sql`"closedAt" - "createdAt"`, running: Prisma.sql`"closedAt" IS NULL`, never: null },
};

/** viewWhere, in SQL. */
function viewSql(view: QueueView, actorId: string): Prisma.Sql {
  switch (view) {
    case "open":
      return Prisma.sql`"closedAt" IS NULL`;
    case "mine":
      return Prisma.sql`"closedAt" IS NULL AND "assigneeId" = ${actorId}::uuid`;
    case "unassigned":
      return Prisma.sql`"closedAt" IS NULL AND "assigneeId" IS NULL`;
    case "waitingForLead":
      return Prisma.sql`status = 'IN_REVIEW' AND "approvalRequestedById" IS NOT NULL`;
    case "customerReplied":
      return Prisma.sql`"closedAt" IS NULL AND "customerRepliedAt" IS NOT NULL`;
    case "all":
      return Prisma.sql`TRUE`;
  }
}

/**
 * One page of ticket ids ordered by a timer — a difference of two columns,
 * which Prisma cannot order by — under the same filters as the Prisma query
 * (viewWhere and baseWhere, written again in SQL). Tickets whose timer never
 * ran come last in either direction. Each part of the timer gives its first
 * offset + limit tickets in order from its own index and the page is taken
 * from those: ordering every ticket by a computed value read the whole table
 * (the All view sorted by resolution took 103–138 ms at 100,000 tickets).
 */
async function pageIdsByTimer(db: DbOrTx, params: TicketQueueParams, search: Search, actorId: string, timer: TimerParts, now: Date): Promise<string[]> {
  const conditions = [viewSql(params.view, actorId)];
  if (params.method) conditions.push(Prisma.sql`method = ${params.method}::"RestoreMethod"`);
  if (params.assignee === "mine") conditions.push(Prisma.sql`"assigneeId" = ${actorId}::uuid`);
  if (params.assignee === "unassigned") conditions.push(Prisma.sql`"assigneeId" IS NULL`);
  if (search && "number" in search) conditions.push(Prisma.sql`number = ${search.number}`);
  // As Prisma's `contains` does it (wildcards in the text stay wildcards), so both orders list the same tickets.
  else if (search) conditions.push(Prisma.sql`("accountId" = ANY(${search.accountIds}::uuid[]) OR description ILIKE ${`%${search.text}%`})`);
  if (params.status.length) conditions.push(Prisma.sql`status = ANY(${params.status}::"TicketStatus"[])`);
  const filters = Prisma.join(conditions, " AND ");
  const ascending = sortDirection(params) === "asc";
  const [dir, earliestFirst] = ascending ? [Prisma.sql`ASC`, Prisma.sql`DESC`] : [Prisma.sql`DESC`, Prisma.sql`ASC`];
  const offset = (params.page - 1) * params.perPage;
  const enough = offset + params.perPage;
  // Only "All" holds closed tickets: in every other view the never-stopped part is empty by definition (viewSql).
  const never = timer.never && params.view === "all"
    ? Prisma.sql`UNION ALL (SELECT id, number, NULL::interval FROM restore_ticket WHERE ${filters} AND ${timer.never} ORDER BY number DESC LIMIT ${enough})`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM (
      (SELECT id, number, ${timer.elapsed} AS elapsed FROM restore_ticket WHERE ${filters} AND ${timer.stopped}
        ORDER BY ${timer.elapsed} ${dir}, number DESC LIMIT ${enough})
      UNION ALL
      (SELECT id, number, ${now}::timestamptz - "createdAt" FROM restore_ticket WHERE ${filters} AND ${timer.running}
        ORDER BY "createdAt" ${earliestFirst}, number DESC LIMIT ${enough})
      ${never}
    ) timed
    ORDER BY elapsed ${dir} NULLS LAST, number DESC
    OFFSET ${offset} LIMIT ${params.perPage}`;
  return rows.map((row) => row.id);
}

/** One page of the support queue, its total, the count per status in this view and the count of every view. */
export async function listSupportTickets({ db, params, actorId, now = new Date() }: { db: DbOrTx; params: TicketQueueParams; actorId: string; now?: Date }) {
  const search = await resolveSearch(db, params.q);
  const filters = baseWhere(params, search, actorId);
  const base: Prisma.RestoreTicketWhereInput = { AND: [filters, viewWhere(params.view, actorId)] };
  const where: Prisma.RestoreTicketWhereInput = params.status.length ? { AND: [base, { status: { in: params.status } }] } : base;
  const timer = TIMER_PARTS[params.sort];
  const timerIds = timer ? await pageIdsByTimer(db, params, search, actorId, timer, now) : null;
  const page: Pick<Prisma.RestoreTicketFindManyArgs, "where" | "orderBy" | "skip" | "take"> = timerIds
    ? { where: { id: { in: timerIds } } }
    : { where, orderBy: orderBy(params), skip: (params.page - 1) * params.perPage, take: params.perPage };
  const [rows, count, byStatus, ...viewCounts] = await Promise.all([
    db.restoreTicket.findMany({
      ...page,
      select: {
        id: true,
        number: true,
        method: true,
        restoreDate: true,
        status: true,
        createdAt: true,
        closedAt: true,
        firstResponseAt: true,
        backupExpiresAt: true,
        version: true,
        account: { select: { name: true, plan: { select: { name: true } } } },
        assignee: { select: { id: true, name: true } },
      },
    }),
    db.restoreTicket.count({ where }),
    db.restoreTicket.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
    ...QUEUE_VIEWS.map((view) => db.restoreTicket.count({ where: { AND: [filters, viewWhere(view, actorId)] } })),
  ]);
  return {
    rows: timerIds ? timerIds.flatMap((id) => rows.filter((row) => row.id === id)) : rows,
    count,
    page: params.page,
    perPage: params.perPage,
    totalPages: Math.max(1, Math.ceil(count / params.perPage)),
    statusCounts: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Partial<Record<TicketStatus, number>>,
    viewCounts: Object.fromEntries(QUEUE_VIEWS.map((view, i) => [view, viewCounts[i]])) as Record<QueueView, number>,
  };
}

export type SupportTicketRow = Awaited<ReturnType<typeof listSupportTickets>>["rows"][number];
