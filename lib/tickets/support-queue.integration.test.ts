import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/test-db";
import { createStaff, createTestAccount, requestInput } from "@/lib/testing/fixtures";
import { createRestoreRequest } from "@/lib/tickets/create-restore-request";
import { listSupportTickets } from "@/lib/tickets/list-support-tickets";
import { parseTicketQueueParams } from "@/lib/tickets/ticket-queue-params";
import { assignTickets } from "@/lib/tickets/assign-tickets";
import { cancelTicket } from "@/lib/tickets/cancel-ticket";
import { addInternalNote } from "@/lib/tickets/add-internal-note";
import { applySupportAction } from "@/lib/tickets/apply-support-action";
import { approveTicket } from "@/lib/tickets/approve-ticket";
import { assignToMe } from "@/lib/tickets/assign-to-me";
import { replyToTicket } from "@/lib/tickets/reply-to-ticket";
import { AppError } from "@/lib/errors/app-error";
import type { RecordedPreview } from "@/lib/preview/preview-figures";

const t = useTestDatabase();
type Staff = Awaited<ReturnType<typeof createStaff>>;
let agent: Staff;
let agent2: Staff;
let lead: Staff;
let lead2: Staff;
const numbers: Record<string, number> = {};

async function code(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  return "OK";
}

async function file(name: string, method: "CSV" | "FULL", description: string, restoreDaysAgo = 1) {
  const account = await createTestAccount(t.db, { snapshotDaysAgo: [0, 1, 2, 3] });
  await t.db.account.update({ where: { id: account.account.id }, data: { name } });
  const { number } = await createRestoreRequest({
    db: t.db,
    actor: account.adminActor,
    input: requestInput({ method, description, restoreDate: new Date(Date.now() - restoreDaysAgo * 86_400_000).toISOString().slice(0, 10) }),
  });
  numbers[name] = number;
  return { ...account, number };
}

const version = async (number: number) => (await t.db.restoreTicket.findUniqueOrThrow({ where: { number } })).version;
const list = (query: Record<string, string>, actorId = agent.user.id) => listSupportTickets({ db: t.db, params: parseTicketQueueParams({ view: "all", ...query }), actorId });

beforeAll(async () => {
  agent = await createStaff(t.db);
  agent2 = await createStaff(t.db);
  lead = await createStaff(t.db, { lead: true });
  lead2 = await createStaff(t.db, { lead: true });
  await file("Acme Kraków", "CSV", "Contacts of the Kraków office disappeared overnight.", 3);
  await file("Globex Gdańsk", "FULL", "Products were wiped by an import script on Monday.", 1);
  await file("Initech Łódź", "FULL", "Custom fields on deals deleted by a former employee.", 2);
  const cancelled = await file("Umbrella", "CSV", "False alarm about the companies list, sorry.", 1);
  await cancelTicket({ db: t.db, actor: cancelled.adminActor, number: cancelled.number, expectedVersion: 1 });
});

describe("the queue", () => {
  it("puts open tickets first, the backup closest to expiry on top, closed ones last", async () => {
    const { rows } = await list({});
    expect(rows.map((r) => r.account.name)).toEqual(["Acme Kraków", "Initech Łódź", "Globex Gdańsk", "Umbrella"]);
  });

  it("filters by status, method, assignee and text, and counts per status", async () => {
    await assignTickets({ db: t.db, actor: agent.actor, ticketIds: [(await t.db.restoreTicket.findUniqueOrThrow({ where: { number: numbers["Globex Gdańsk"] } })).id], assigneeId: agent.user.id });
    expect((await list({ method: "FULL" })).rows.map((r) => r.number).sort()).toEqual([numbers["Globex Gdańsk"], numbers["Initech Łódź"]].sort());
    expect((await list({ status: "CANCELLED" })).rows.map((r) => r.number)).toEqual([numbers.Umbrella]);
    expect((await list({ assignee: "mine" })).rows.map((r) => r.number)).toEqual([numbers["Globex Gdańsk"]]);
    expect((await list({ assignee: "mine" }, agent2.user.id)).rows).toEqual([]);
    expect((await list({ assignee: "unassigned" })).count).toBe(3);
    expect((await list({ q: "łódź" })).rows.map((r) => r.number)).toEqual([numbers["Initech Łódź"]]);
    expect((await list({ q: "import script" })).rows.map((r) => r.number)).toEqual([numbers["Globex Gdańsk"]]);
    const padded = `RR-${String(numbers.Umbrella).padStart(6, "0")}`;
    expect((await list({ q: padded })).rows.map((r) => r.number)).toEqual([numbers.Umbrella]);
    const counts = (await list({ status: "SUBMITTED" })).statusCounts;
    expect(counts).toEqual({ SUBMITTED: 3, CANCELLED: 1 });
  });

  it("pages, with a total that does not depend on the page", async () => {
    const first = await list({ perPage: "25", page: "1" });
    const beyond = await list({ page: "9" });
    expect(first.count).toBe(4);
    expect(beyond.rows).toEqual([]);
    expect(beyond.count).toBe(4);
    expect(beyond.totalPages).toBe(1);
  });

  it("hostile URL values change nothing about the query", async () => {
    const hostile = await list({ sort: "number; DROP TABLE restore_ticket", status: "'; --", q: "%' OR 1=1 --" });
    expect(hostile.rows).toEqual([]);
    expect(await t.db.restoreTicket.count()).toBe(4);
  });
});

describe("review", () => {
  it("assign to me moves a new ticket into review and records who", async () => {
    const number = numbers["Acme Kraków"];
    await assignToMe({ db: t.db, actor: agent2.actor, number, expectedVersion: await version(number) });
    const ticket = await t.db.restoreTicket.findUniqueOrThrow({ where: { number }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(ticket.status).toBe("IN_REVIEW");
    expect(ticket.assigneeId).toBe(agent2.user.id);
    expect(ticket.events.map((e) => [e.kind, e.internal])).toEqual([
      ["CREATED", false],
      ["ASSIGNED", true],
      ["STATUS_CHANGED", false],
    ]);
  });

  it("four eyes: the lead who asked cannot approve; another lead can, and the approval records the preview", async () => {
    const number = numbers["Initech Łódź"];
    await applySupportAction({ db: t.db, actor: lead.actor, number, expectedVersion: await version(number), action: "START_REVIEW" });
    expect(await code(approveTicket({ db: t.db, actor: lead2.actor, number, expectedVersion: await version(number) }))).toBe("APPROVAL_NOT_REQUESTED");
    await applySupportAction({ db: t.db, actor: lead.actor, number, expectedVersion: await version(number), action: "REQUEST_APPROVAL", body: "Needs products back." });
    expect(await code(approveTicket({ db: t.db, actor: lead.actor, number, expectedVersion: await version(number) }))).toBe("FOUR_EYES");
    expect(await code(approveTicket({ db: t.db, actor: agent.actor, number, expectedVersion: await version(number) }))).toBe("LEAD_REQUIRED");
    await approveTicket({ db: t.db, actor: lead2.actor, number, expectedVersion: await version(number) });
    const ticket = await t.db.restoreTicket.findUniqueOrThrow({ where: { number } });
    expect(ticket.status).toBe("APPROVED");
    expect(ticket.approvedById).toBe(lead2.user.id);
    const recorded = ticket.approvedPreview as RecordedPreview;
    expect(recorded.snapshotId).toBe(ticket.snapshotId);
    expect(recorded.figures.contact.live).toBeGreaterThan(0);
    expect(await code(approveTicket({ db: t.db, actor: lead.actor, number, expectedVersion: await version(number) }))).toBe("NOT_IN_THIS_STATE");
  });

  it("two leads approving at once: exactly one wins, the other is told", async () => {
    const number = numbers["Globex Gdańsk"];
    await applySupportAction({ db: t.db, actor: agent.actor, number, expectedVersion: await version(number), action: "START_REVIEW" });
    await applySupportAction({ db: t.db, actor: agent.actor, number, expectedVersion: await version(number), action: "REQUEST_APPROVAL" });
    const v = await version(number);
    const results = await Promise.all([lead, lead2].map((l) => code(approveTicket({ db: t.db, actor: l.actor, number, expectedVersion: v }))));
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r === "TICKET_CHANGED")).toHaveLength(1);
    expect(await t.db.ticketEvent.count({ where: { ticket: { number }, kind: "APPROVED" } })).toBe(1);
  });

  it("refuses with a reason and changes nothing: reject without a reason, acting on a cancelled ticket, a stale version", async () => {
    const before = await t.db.ticketEvent.count();
    const acme = numbers["Acme Kraków"];
    expect(await code(applySupportAction({ db: t.db, actor: agent.actor, number: acme, expectedVersion: await version(acme), action: "REJECT", body: "  " }))).toBe("REASON_REQUIRED");
    expect(await code(applySupportAction({ db: t.db, actor: agent.actor, number: acme, expectedVersion: await version(acme), action: "ASK_FOR_INFO" }))).toBe("QUESTION_REQUIRED");
    const umbrella = numbers.Umbrella;
    expect(await code(applySupportAction({ db: t.db, actor: agent.actor, number: umbrella, expectedVersion: await version(umbrella), action: "START_REVIEW" }))).toBe("NOT_IN_THIS_STATE");
    expect(await code(assignToMe({ db: t.db, actor: agent.actor, number: umbrella, expectedVersion: await version(umbrella) }))).toBe("NOT_IN_THIS_STATE");
    expect(await code(addInternalNote({ db: t.db, actor: agent.actor, number: acme, expectedVersion: 1, body: "stale" }))).toBe("TICKET_CHANGED");
    expect(await t.db.ticketEvent.count()).toBe(before);
  });

  it("a customer cannot use support actions, even on their own ticket", async () => {
    const acme = await t.db.restoreTicket.findUniqueOrThrow({ where: { number: numbers["Acme Kraków"] }, include: { account: true } });
    const customer = { id: acme.account.ownerId!, role: "ACCOUNT_ADMIN" as const, accountId: acme.accountId };
    expect(await code(applySupportAction({ db: t.db, actor: customer, number: acme.number, expectedVersion: acme.version, action: "REJECT", body: "no" }))).toBe("NOT_ALLOWED_FOR_ROLE");
    expect(await code(addInternalNote({ db: t.db, actor: customer, number: acme.number, expectedVersion: acme.version, body: "x" }))).toBe("NOT_ALLOWED_FOR_ROLE");
    expect(await code(assignTickets({ db: t.db, actor: customer, ticketIds: [acme.id], assigneeId: customer.id! }))).toBe("NOT_ALLOWED_FOR_ROLE");
  });

  it("bulk assign changes only open tickets not already theirs, and refuses a non-staff assignee", async () => {
    const all = await t.db.restoreTicket.findMany({ select: { id: true } });
    const result = await assignTickets({ db: t.db, actor: lead.actor, ticketIds: all.map((x) => x.id), assigneeId: agent2.user.id });
    const open = await t.db.restoreTicket.count({ where: { closedAt: null } });
    const alreadyTheirs = 1; // Acme Kraków was assigned to agent2 above
    expect(result.assigned).toBe(open - alreadyTheirs);
    const customer = await t.db.user.findFirstOrThrow({ where: { kind: "CUSTOMER" } });
    expect(await code(assignTickets({ db: t.db, actor: lead.actor, ticketIds: all.map((x) => x.id), assigneeId: customer.id }))).toBe("ASSIGNEE_NOT_STAFF");
  });
});

describe("the saved views", () => {
  const viewNumbers = async (view: string, actorId = agent.user.id) =>
    (await listSupportTickets({ db: t.db, params: parseTicketQueueParams({ view }), actorId })).rows.map((r) => r.number);

  it("Open hides closed tickets; Customer replied follows who wrote last; Waiting for lead holds requested approvals; each view is counted", async () => {
    const hooli = await file("Hooli Views", "FULL", "The deals pipeline lost its stages on Friday.", 1);
    const n = hooli.number;
    expect(await viewNumbers("open")).toContain(n);
    expect(await viewNumbers("open")).not.toContain(numbers.Umbrella);
    expect(await viewNumbers("all")).toContain(numbers.Umbrella);

    // Starting the review of an unassigned ticket takes it.
    await applySupportAction({ db: t.db, actor: agent.actor, number: n, expectedVersion: await version(n), action: "START_REVIEW" });
    const started = await t.db.restoreTicket.findUniqueOrThrow({ where: { number: n } });
    expect(started.assigneeId).toBe(agent.user.id);
    expect(await viewNumbers("mine")).toContain(n);
    expect(await viewNumbers("unassigned")).not.toContain(n);

    // The requester writes: "Customer replied"; support answers: no longer.
    await replyToTicket({ db: t.db, actor: hooli.adminActor, number: n, body: "It was about 300 deals.", expectedVersion: await version(n) });
    expect(await viewNumbers("customerReplied")).toEqual([n]);
    await replyToTicket({ db: t.db, actor: agent.actor, number: n, body: "Thank you, we are on it.", expectedVersion: await version(n) });
    expect(await viewNumbers("customerReplied")).toEqual([]);

    await applySupportAction({ db: t.db, actor: agent.actor, number: n, expectedVersion: await version(n), action: "REQUEST_APPROVAL" });
    expect(await viewNumbers("waitingForLead")).toContain(n);

    const { viewCounts } = await listSupportTickets({ db: t.db, params: parseTicketQueueParams({}), actorId: agent.user.id });
    expect(viewCounts.all).toBe(await t.db.restoreTicket.count());
    expect(viewCounts.open).toBe(await t.db.restoreTicket.count({ where: { closedAt: null } }));
    expect(viewCounts.waitingForLead).toBe((await viewNumbers("waitingForLead")).length);
  });

  it("starting the review of a ticket someone already has leaves it theirs", async () => {
    const wayne = await file("Wayne Views", "CSV", "Companies list emptied by a bad import.", 1);
    await assignTickets({ db: t.db, actor: lead.actor, ticketIds: [(await t.db.restoreTicket.findUniqueOrThrow({ where: { number: wayne.number } })).id], assigneeId: agent2.user.id });
    await applySupportAction({ db: t.db, actor: agent.actor, number: wayne.number, expectedVersion: await version(wayne.number), action: "START_REVIEW" });
    expect((await t.db.restoreTicket.findUniqueOrThrow({ where: { number: wayne.number } })).assigneeId).toBe(agent2.user.id);
  });
});
