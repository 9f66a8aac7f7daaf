import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { findStaffOnTickets } from "@/lib/presence/find-staff-on-tickets";
import { prunePresence } from "@/lib/presence/prune-presence";
import { reportPresence } from "@/lib/presence/report-presence";
import { createStaff, createTestAccount } from "@/lib/testing/fixtures";
import { createTicketInState } from "@/lib/testing/ticket-fixtures";
import { useTestDatabase } from "@/lib/testing/test-db";

const t = useTestDatabase();

const asActor = (user: { id: string; name: string; email: string }, role: Actor["role"], accountId: string | null = null): Actor => ({ id: user.id, name: user.name, email: user.email, role, locale: "en", accountId });

describe("who else is on a ticket", () => {
  let anna: Actor;
  let ben: Actor;
  let admin: Actor;
  let ticket: { id: string; number: number; version: number };
  const at = (seconds: number) => new Date(Date.UTC(2026, 11, 2, 9, 0, seconds));

  beforeAll(async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [1] });
    anna = asActor((await createStaff(t.db)).user, "SUPPORT_AGENT");
    ben = asActor((await createStaff(t.db, { lead: true })).user, "SUPPORT_LEAD");
    admin = asActor(acme.admin, "ACCOUNT_ADMIN", acme.account.id);
    ticket = await createTicketInState(t.db, { accountId: acme.account.id, requesterId: acme.admin.id, snapshotId: acme.snapshots[0].id, status: "IN_REVIEW" });
  });

  const report = (actor: Actor, seconds: number, extra: { typing?: boolean; leaving?: boolean } = {}) =>
    reportPresence({ db: t.db, actor, number: ticket.number, typing: extra.typing ?? false, leaving: extra.leaving ?? false, now: at(seconds) });

  it("shows each agent the others, typing first, with the ticket's version", async () => {
    expect(await report(anna, 0)).toEqual({ others: [], version: ticket.version });
    expect(await report(ben, 1, { typing: true })).toEqual({ others: [{ name: anna.name, typing: false }], version: ticket.version });
    expect(await report(anna, 3)).toEqual({ others: [{ name: ben.name, typing: true }], version: ticket.version });
    const onQueue = await findStaffOnTickets({ db: t.db, ticketIds: [ticket.id], viewerId: anna.id, now: at(4) });
    expect(onQueue.get(ticket.id)).toEqual([{ name: ben.name, typing: true }]);
  });

  it("forgets whoever stopped reporting, and whoever left at once", async () => {
    // Ben last reported at 1 s: by 14 s he is stale for Anna.
    expect((await report(anna, 14)).others).toEqual([]);
    await report(ben, 15);
    expect((await report(anna, 16)).others.map((o) => o.name)).toEqual([ben.name]);
    await report(ben, 17, { leaving: true });
    expect((await report(anna, 18)).others).toEqual([]);
    expect(await prunePresence({ db: t.db, now: at(60) })).toBe(1);
    expect(await t.db.ticketPresence.count()).toBe(0);
  });

  it("refuses customers and tickets that do not exist, storing nothing", async () => {
    for (const attempt of [report(admin, 20), reportPresence({ db: t.db, actor: anna, number: 999_999_999, typing: false, leaving: false })]) {
      const error = await attempt.then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("NOT_FOUND");
    }
    expect(await t.db.ticketPresence.count()).toBe(0);
  });
});
