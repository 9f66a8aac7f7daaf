import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TicketStatus } from "@/lib/generated/prisma/enums";
import { QUEUE_VIEWS, sortDirection, type QueueView, type TicketQueueParams } from "@/lib/tickets/ticket-queue-params";

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
    default:
      return [{ [params.sort]: dir }, { number: "desc" }];
  }
}

/** The filters other than status (the status chips count within these). */
async function baseWhere(db: DbOrTx, params: TicketQueueParams, actorId: string): Promise<Prisma.RestoreTicketWhereInput> {
  const where: Prisma.RestoreTicketWhereInput = {};
  if (params.method) where.method = params.method;
  if (params.assignee === "mine") where.assigneeId = actorId;
  if (params.assignee === "unassigned") where.assigneeId = null;
  if (params.q) {
    const number = /^(?:RR-)?0*(\d{1,9})$/i.exec(params.q);
    if (number) where.OR = [{ number: Number(number[1]) }];
    else {
      // Matching accounts first (a trigram index lookup), so the ticket side
      // is an index OR instead of a correlated subquery per ticket.
      const accounts = await db.account.findMany({ where: { name: { contains: params.q, mode: "insensitive" } }, select: { id: true }, take: 1000 });
      where.OR = [{ accountId: { in: accounts.map((a) => a.id) } }, { description: { contains: params.q, mode: "insensitive" } }];
    }
  }
  return where;
}

/** One page of the support queue, its total, the count per status in this view and the count of every view. */
export async function listSupportTickets({ db, params, actorId }: { db: DbOrTx; params: TicketQueueParams; actorId: string }) {
  const filters = await baseWhere(db, params, actorId);
  const base: Prisma.RestoreTicketWhereInput = { AND: [filters, viewWhere(params.view, actorId)] };
  const where: Prisma.RestoreTicketWhereInput = params.status.length ? { AND: [base, { status: { in: params.status } }] } : base;
  const [rows, count, byStatus, ...viewCounts] = await Promise.all([
    db.restoreTicket.findMany({
      where,
      orderBy: orderBy(params),
      skip: (params.page - 1) * params.perPage,
      take: params.perPage,
      select: {
        id: true,
        number: true,
        method: true,
        restoreDate: true,
        status: true,
        createdAt: true,
        closedAt: true,
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
    rows,
    count,
    page: params.page,
    perPage: params.perPage,
    totalPages: Math.max(1, Math.ceil(count / params.perPage)),
    statusCounts: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Partial<Record<TicketStatus, number>>,
    viewCounts: Object.fromEntries(QUEUE_VIEWS.map((view, i) => [view, viewCounts[i]])) as Record<QueueView, number>,
  };
}

export type SupportTicketRow = Awaited<ReturnType<typeof listSupportTickets>>["rows"][number];
