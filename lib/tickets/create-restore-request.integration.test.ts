import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/test-db";
import { createStaff, createTestAccount, isoDateDaysAgo, requestInput } from "@/lib/testing/fixtures";
import { createRestoreRequest, RequestRefusedError } from "@/lib/tickets/create-restore-request";
import { cancelTicket } from "@/lib/tickets/cancel-ticket";
import { findTicketForActor } from "@/lib/tickets/find-ticket-for-actor";
import { getCustomerTicket } from "@/lib/tickets/get-customer-ticket";
import { replyToTicket } from "@/lib/tickets/reply-to-ticket";
import { transitionTicket } from "@/lib/tickets/transition-ticket";
import { pruneSnapshots } from "@/lib/snapshots/prune-snapshots";
import { AppError } from "@/lib/errors/app-error";

const t = useTestDatabase();
const GB = 1024n ** 3n;

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RequestRefusedError) return error.refusal.code;
    if (error instanceof AppError) return error.message;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function counts() {
  return { tickets: await t.db.restoreTicket.count(), events: await t.db.ticketEvent.count() };
}

describe("filing a request", () => {
  it("creates ticket RR-… in SUBMITTED with its first event, pinned to the day's snapshot", async () => {
    const acme = await createTestAccount(t.db);
    const { number, created } = await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput({ method: "FULL", restoreDate: isoDateDaysAgo(2) }) });
    expect(created).toBe(true);
    const ticket = await t.db.restoreTicket.findUniqueOrThrow({ where: { number }, include: { events: true, snapshot: true } });
    expect(ticket.status).toBe("SUBMITTED");
    expect(ticket.method).toBe("FULL");
    expect(ticket.openForAccountId).toBe(acme.account.id);
    expect(ticket.snapshot?.takenAt.toISOString().slice(0, 10)).toBe(isoDateDaysAgo(2));
    expect(ticket.events.map((e) => [e.kind, e.toStatus, e.actorId])).toEqual([["CREATED", "SUBMITTED", acme.admin.id]]);
  });

  it("the pinned snapshot survives pruning while the ticket is open", async () => {
    const now = new Date();
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [6, 5] });
    const { number } = await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput({ restoreDate: isoDateDaysAgo(6) }) });
    const ticket = await t.db.restoreTicket.findUniqueOrThrow({ where: { number } });
    const later = new Date(now.getTime() + 3 * 24 * 60 * 60 * 1000);
    const pruned = await pruneSnapshots({ db: t.db, now: later });
    expect(pruned).not.toContain(ticket.snapshotId);
    expect(pruned).toContain(acme.snapshots[1].id);
  });

  it("replaying the same form returns the same ticket instead of a second one", async () => {
    const acme = await createTestAccount(t.db);
    const input = requestInput();
    const first = await createRestoreRequest({ db: t.db, actor: acme.adminActor, input });
    const again = await createRestoreRequest({ db: t.db, actor: acme.adminActor, input });
    expect(again).toEqual({ number: first.number, created: false });
    expect(await t.db.restoreTicket.count({ where: { accountId: acme.account.id } })).toBe(1);
  });
});

describe("crafted requests are refused and create nothing", () => {
  it.each([
    ["a date outside retention", { restoreDate: isoDateDaysAgo(9) }, "NO_SNAPSHOT_FOR_DATE"],
    ["a date without a snapshot", { restoreDate: isoDateDaysAgo(5) }, "NO_SNAPSHOT_FOR_DATE"],
    ["a date in the future", { restoreDate: isoDateDaysAgo(-1) }, "NO_SNAPSHOT_FOR_DATE"],
  ])("%s", async (_, override, code) => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [0, 1, 2, 9] });
    const before = await counts();
    expect(await refusal(createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput(override) }))).toBe(code);
    expect(await counts()).toEqual(before);
  });

  it("CSV for a database over 30 GB (full restore still allowed)", async () => {
    const initech = await createTestAccount(t.db, { databaseSizeBytes: 31n * GB });
    const before = await counts();
    expect(await refusal(createRestoreRequest({ db: t.db, actor: initech.adminActor, input: requestInput({ method: "CSV" }) }))).toBe("CSV_OVER_LIMIT");
    expect(await counts()).toEqual(before);
    await createRestoreRequest({ db: t.db, actor: initech.adminActor, input: requestInput({ method: "FULL" }) });
  });

  it("a member who is not the account admin", async () => {
    const acme = await createTestAccount(t.db);
    const before = await counts();
    expect(await refusal(createRestoreRequest({ db: t.db, actor: { ...acme.memberActor, role: "ACCOUNT_MEMBER" }, input: requestInput() }))).toBe(
      "NOT_ACCOUNT_ADMIN",
    );
    expect(await counts()).toEqual(before);
  });

  it("a plan without restore", async () => {
    const globex = await createTestAccount(t.db, { restoreAvailable: false });
    const before = await counts();
    expect(await refusal(createRestoreRequest({ db: t.db, actor: globex.adminActor, input: requestInput() }))).toBe("PLAN_WITHOUT_RESTORE");
    expect(await counts()).toEqual(before);
  });

  it("a second request while one is open", async () => {
    const acme = await createTestAccount(t.db);
    await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput() });
    const before = await counts();
    expect(await refusal(createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput({ method: "FULL" }) }))).toBe(
      "REQUEST_ALREADY_OPEN",
    );
    expect(await counts()).toEqual(before);
  });

  it("a form key already used by another account", async () => {
    const acme = await createTestAccount(t.db);
    const globex = await createTestAccount(t.db);
    const input = requestInput();
    await createRestoreRequest({ db: t.db, actor: acme.adminActor, input });
    expect(await refusal(createRestoreRequest({ db: t.db, actor: globex.adminActor, input }))).toBe("invalidForm");
  });
});

describe("concurrency", () => {
  it("ten simultaneous submits for one account create exactly one ticket", async () => {
    const acme = await createTestAccount(t.db);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput() })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as RequestRefusedError).refusal.code).toBe("REQUEST_ALREADY_OPEN");
    expect(await t.db.restoreTicket.count({ where: { accountId: acme.account.id } })).toBe(1);
  });

  it("simultaneous submits from many accounts get unique, gap-free numbers", async () => {
    const accounts = [];
    for (let i = 0; i < 12; i++) accounts.push(await createTestAccount(t.db, { snapshotDaysAgo: [1] }));
    const start = (await t.db.counter.findUnique({ where: { name: "ticket_number" } }))?.value ?? 0;
    // Every other account also fires a doomed second submit, which must not burn a number.
    const attempts = accounts.flatMap((a, i) => {
      const ok = createRestoreRequest({ db: t.db, actor: a.adminActor, input: requestInput() });
      return i % 2 ? [ok, createRestoreRequest({ db: t.db, actor: a.adminActor, input: requestInput({ restoreDate: isoDateDaysAgo(4) }) })] : [ok];
    });
    const settled = await Promise.allSettled(attempts);
    const numbers = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value.number] : [])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => start + i + 1));
  });
});

describe("following a request", () => {
  it("another account's admin cannot find the ticket; support can", async () => {
    const acme = await createTestAccount(t.db);
    const globex = await createTestAccount(t.db);
    const { number } = await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput() });
    expect(await findTicketForActor({ db: t.db, actor: globex.adminActor, number })).toBeNull();
    expect(await getCustomerTicket({ db: t.db, accountId: globex.account.id, number })).toBeNull();
    expect(await findTicketForActor({ db: t.db, actor: { ...acme.memberActor, role: "ACCOUNT_MEMBER" }, number })).toBeNull();
    const { actor: agent } = await createStaff(t.db);
    expect(await findTicketForActor({ db: t.db, actor: agent, number })).not.toBeNull();
    expect(await refusal(cancelTicket({ db: t.db, actor: globex.adminActor, number, expectedVersion: 1 }))).toBe("TICKET_NOT_FOUND");
  });

  it("the requester never sees internal events", async () => {
    const acme = await createTestAccount(t.db);
    const { number } = await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput({ method: "FULL" }) });
    const ticket = await t.db.restoreTicket.findUniqueOrThrow({ where: { number } });
    const { actor: agent } = await createStaff(t.db);
    await t.db.$transaction((tx) => transitionTicket({ tx, ticketId: ticket.id, action: "START_REVIEW", actor: agent }));
    await t.db.$transaction((tx) => transitionTicket({ tx, ticketId: ticket.id, action: "REQUEST_APPROVAL", actor: agent }));
    await t.db.ticketEvent.create({ data: { ticketId: ticket.id, accountId: acme.account.id, actorId: agent.id, kind: "INTERNAL_NOTE", body: "secret", internal: true } });
    const view = await getCustomerTicket({ db: t.db, accountId: acme.account.id, number });
    expect(view!.events.map((e) => e.kind)).toEqual(["CREATED", "STATUS_CHANGED"]);
    expect(JSON.stringify(view)).not.toContain("secret");
  });

  it("answering a request for information puts the ticket back in review", async () => {
    const acme = await createTestAccount(t.db);
    const { number } = await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput() });
    const ticket = await t.db.restoreTicket.findUniqueOrThrow({ where: { number } });
    const { actor: agent } = await createStaff(t.db);
    await t.db.$transaction((tx) => transitionTicket({ tx, ticketId: ticket.id, action: "ASK_FOR_INFO", actor: agent, body: "Which contacts?" }));
    await replyToTicket({ db: t.db, actor: acme.adminActor, number, body: "The Kraków ones.", expectedVersion: 2 });
    const after = await t.db.restoreTicket.findUniqueOrThrow({ where: { number }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(after.status).toBe("IN_REVIEW");
    expect(after.events.map((e) => e.kind)).toEqual(["CREATED", "INFO_REQUESTED", "STATUS_CHANGED", "REPLY"]);
  });

  it("a reply on a stale page is refused without writing anything", async () => {
    const acme = await createTestAccount(t.db);
    const { number } = await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput() });
    await replyToTicket({ db: t.db, actor: acme.adminActor, number, body: "first", expectedVersion: 1 });
    const before = await counts();
    expect(await refusal(replyToTicket({ db: t.db, actor: acme.adminActor, number, body: "second", expectedVersion: 1 }))).toBe("TICKET_CHANGED");
    expect(await counts()).toEqual(before);
  });

  it("the requester can cancel before approval, not after; cancelling frees the account for a new request", async () => {
    const acme = await createTestAccount(t.db);
    const first = await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput() });
    await cancelTicket({ db: t.db, actor: acme.adminActor, number: first.number, expectedVersion: 1 });
    const cancelled = await t.db.restoreTicket.findUniqueOrThrow({ where: { number: first.number } });
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.openForAccountId).toBeNull();

    const second = await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput() });
    const ticket = await t.db.restoreTicket.findUniqueOrThrow({ where: { number: second.number } });
    const { actor: agent } = await createStaff(t.db);
    await t.db.$transaction((tx) => transitionTicket({ tx, ticketId: ticket.id, action: "START_REVIEW", actor: agent }));
    await t.db.$transaction((tx) => transitionTicket({ tx, ticketId: ticket.id, action: "APPROVE", actor: agent }));
    const before = await counts();
    expect(await refusal(cancelTicket({ db: t.db, actor: acme.adminActor, number: second.number, expectedVersion: 3 }))).toBe("NOT_IN_THIS_STATE");
    expect(await counts()).toEqual(before);
  });

  it("the timeline cannot be edited or deleted, even directly in the database", async () => {
    const acme = await createTestAccount(t.db);
    await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput() });
    const event = await t.db.ticketEvent.findFirstOrThrow({ where: { accountId: acme.account.id } });
    await expect(t.db.ticketEvent.update({ where: { id: event.id }, data: { body: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(t.db.ticketEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    expect((await t.db.ticketEvent.findUniqueOrThrow({ where: { id: event.id } })).body).toBe(event.body);
  });
});
