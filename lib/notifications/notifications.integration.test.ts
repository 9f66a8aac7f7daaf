import { describe, expect, it } from "vitest";
import { notifyExpiringBackups } from "@/lib/notifications/backup-expiry";
import { deliverDueEmails } from "@/lib/notifications/email-delivery";
import { mailTransportFromEnv, type MailTransport, type OutgoingEmail } from "@/lib/notifications/mail-transport";
import { MAX_ATTEMPTS } from "@/lib/notifications/retry-policy";
import { createStaff, createTestAccount, requestInput } from "@/lib/testing/fixtures";
import { createTicketInState } from "@/lib/testing/ticket-fixtures";
import { startSmtpInbox } from "@/lib/testing/smtp-inbox";
import { useTestDatabase } from "@/lib/testing/test-db";
import { createRestoreRequest } from "@/lib/tickets/create-restore-request";
import { replyToTicket } from "@/lib/tickets/reply-to-ticket";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";
import { transitionTicket } from "@/lib/tickets/transition-ticket";
import { listLatestNotifications } from "@/lib/notifications/list-latest-notifications";
import { cancelTicket } from "@/lib/tickets/cancel-ticket";

const t = useTestDatabase();
const MINUTE = 60_000;

/** A transport that records what it was given (or fails the way it is told to). */
function recordingTransport(fail?: () => Error): MailTransport & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    host: "test",
    sent,
    async send(email) {
      if (fail) throw fail();
      sent.push(email);
      return { messageId: email.messageId };
    },
  };
}

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525"), { code: "ECONNREFUSED" });

/** A ticket in review with an assignee, staff around it, and its requester. */
async function ticketInReview() {
  const acme = await createTestAccount(t.db);
  const agent = await createStaff(t.db);
  const { number } = await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput() });
  const ticket = await t.db.restoreTicket.update({ where: { number }, data: { status: "IN_REVIEW", assigneeId: agent.user.id } });
  return { acme, agent, ticket };
}

const notificationsOf = (userId: string) => t.db.notification.findMany({ where: { userId }, include: { email: true }, orderBy: { createdAt: "asc" } });

async function askForInfo(ticketId: string, actor: { id: string; role: "SUPPORT_AGENT" | "SUPPORT_LEAD"; accountId: null }, question = "Which contacts are missing?") {
  await t.db.$transaction((tx) => transitionTicket({ tx, ticketId, action: "ASK_FOR_INFO", actor, body: question }));
}

describe("the outbox is written with the change", () => {
  it("filing a request notifies support in its own transaction, with an email per person", async () => {
    const agent = await createStaff(t.db);
    const acme = await createTestAccount(t.db);
    const { number } = await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput() });
    const [notification] = await notificationsOf(agent.user.id);
    expect(notification.kind).toBe("TICKET_FILED");
    expect(notification.ticketNumber).toBe(number);
    expect(notification.email?.status).toBe("PENDING");
    expect(notification.email?.toAddress).toBe(agent.user.email);
    expect(notification.email?.textBody).toContain(`/support/tickets/RR-${String(number).padStart(6, "0")}`);
    expect(await notificationsOf(acme.admin.id), "not about one's own request").toEqual([]);
  });

  it("a notification shows its ticket's status now, not the one it was written in", async () => {
    const agent = await createStaff(t.db);
    const acme = await createTestAccount(t.db);
    const { number } = await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput() });
    expect((await listLatestNotifications({ userId: agent.user.id, limit: 10, db: t.db }))[0]).toMatchObject({ kind: "TICKET_FILED", ticketNumber: number, ticketStatus: "SUBMITTED" });
    await cancelTicket({ db: t.db, actor: acme.adminActor, number, expectedVersion: 1 });
    const filed = (await listLatestNotifications({ userId: agent.user.id, limit: 10, db: t.db })).find((n) => n.kind === "TICKET_FILED");
    expect(filed).toMatchObject({ ticketNumber: number, ticketStatus: "CANCELLED" });
  });

  it("a change that rolls back leaves no notification and no email", async () => {
    const { ticket, agent } = await ticketInReview();
    const before = { notifications: await t.db.notification.count(), emails: await t.db.emailOutbox.count() };
    await expect(
      t.db.$transaction(async (tx) => {
        await transitionTicket({ tx, ticketId: ticket.id, action: "ASK_FOR_INFO", actor: agent.actor, body: "A question" });
        throw new Error("something later in the same transaction failed");
      }),
    ).rejects.toThrow("something later");
    expect({ notifications: await t.db.notification.count(), emails: await t.db.emailOutbox.count() }).toEqual(before);
  });

  it("the requester's answer reaches the assignee, quoted", async () => {
    const { ticket, agent, acme } = await ticketInReview();
    await askForInfo(ticket.id, agent.actor);
    const version = (await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } })).version;
    await replyToTicket({ db: t.db, actor: acme.adminActor, number: ticket.number, body: "All contacts of Kraków.", expectedVersion: version });
    const replied = (await notificationsOf(agent.user.id)).find((n) => n.kind !== "TICKET_FILED")!;
    expect(replied.kind).toBe("REQUESTER_REPLIED");
    expect(replied.email?.textBody).toContain("> All contacts of Kraków.");
    const [asked] = await notificationsOf(acme.admin.id);
    expect(asked.kind).toBe("INFO_REQUESTED");
    expect(asked.email?.textBody).toContain("> Which contacts are missing?");
  });

  it("a full restore starting tells every user of the account, not only the admin", async () => {
    const acme = await createTestAccount(t.db);
    const agent = await createStaff(t.db);
    const ticket = await createTicketInState(t.db, { accountId: acme.account.id, requesterId: acme.admin.id, snapshotId: acme.snapshots[0].id, method: "FULL", status: "APPROVED" });
    await t.db.$transaction((tx) => transitionTicket({ tx, ticketId: ticket.id, action: "START_RUN", actor: agent.actor }));
    expect((await notificationsOf(acme.admin.id)).map((n) => n.kind)).toEqual(["RESTORE_STARTED"]);
    expect((await notificationsOf(acme.member.id)).map((n) => n.kind)).toEqual(["ACCOUNT_RESTORE_STARTED"]);
    // A member cannot open ticket pages: their email leads to the account's page.
    expect((await notificationsOf(acme.member.id))[0].email?.textBody).toMatch(/Open Restore Desk: http\S+\/recovery\n/);
  });

  it("email off for a kind: the in-app notification stays, no email", async () => {
    const { ticket, agent, acme } = await ticketInReview();
    await t.db.emailOptOut.create({ data: { userId: acme.admin.id, kind: "INFO_REQUESTED" } });
    await askForInfo(ticket.id, agent.actor);
    const [asked] = await notificationsOf(acme.admin.id);
    expect(asked.kind).toBe("INFO_REQUESTED");
    expect(asked.email).toBeNull();
  });

  it("a user without a usable address: kept as undeliverable, never handed to SMTP", async () => {
    const { ticket, agent, acme } = await ticketInReview();
    await t.db.user.update({ where: { id: acme.admin.id }, data: { email: `broken-${acme.admin.id}@@example.com\r\nBcc: evil@example.com` } });
    await askForInfo(ticket.id, agent.actor);
    const [asked] = await notificationsOf(acme.admin.id);
    expect(asked.email?.status).toBe("UNDELIVERABLE");
    const transport = recordingTransport();
    await deliverDueEmails({ db: t.db, transport, now: new Date(Date.now() + MINUTE) });
    expect(transport.sent.map((e) => e.to.address)).not.toContain(asked.email?.toAddress);
    expect(transport.sent.some((e) => /evil/.test(e.to.address))).toBe(false);
  });

  it("a 1 MB message is quoted in part: the notification and its email stay small", async () => {
    const { ticket, agent, acme } = await ticketInReview();
    const huge = "Ten words of a very long answer from the account admin. ".repeat(19_000); // ~1 MB
    await t.db.$transaction((tx) => recordTicketEvent(tx, { ticketId: ticket.id, accountId: acme.account.id, actorId: acme.admin.id, kind: "REPLY", body: huge }));
    const replied = (await notificationsOf(agent.user.id)).find((n) => n.kind === "REQUESTER_REPLIED")!;
    expect(JSON.stringify(replied.data).length).toBeLessThan(3_000);
    expect(replied.email!.textBody.length).toBeLessThan(6_000);
    expect(replied.email!.textBody).toContain("The message is longer; read all of it on the request page.");
    expect(replied.email!.status).toBe("PENDING");
  });
});

describe("delivery", () => {
  it("a crash between the change and the send loses nothing, and sends once", async () => {
    const { ticket, agent, acme } = await ticketInReview();
    await askForInfo(ticket.id, agent.actor);
    const email = (await notificationsOf(acme.admin.id))[0].email!;
    // A worker claimed the email and died before sending: its lease holds the email back…
    const now = new Date(Date.now() + MINUTE);
    await t.db.emailOutbox.update({ where: { id: email.id }, data: { attempts: 1, lockedUntil: new Date(now.getTime() + MINUTE) } });
    const transport = recordingTransport();
    await deliverDueEmails({ db: t.db, transport, now });
    expect(transport.sent.filter((e) => e.messageId === `<${email.id}@restoredesk>`)).toHaveLength(0);
    // …until it expires: the next server sends it, once.
    const later = new Date(now.getTime() + 3 * MINUTE);
    await deliverDueEmails({ db: t.db, transport, now: later });
    await deliverDueEmails({ db: t.db, transport, now: new Date(later.getTime() + MINUTE) });
    expect(transport.sent.filter((e) => e.messageId === `<${email.id}@restoredesk>`)).toHaveLength(1);
    expect(await t.db.emailOutbox.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ status: "SENT", attempts: 2, lockedUntil: null });
  });

  it("two workers at once never send the same email twice", async () => {
    const acme = await createTestAccount(t.db);
    const staff = await Promise.all(Array.from({ length: 6 }, () => createStaff(t.db)));
    for (let i = 0; i < 5; i++) {
      await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput({ description: `Request number ${i} for the duplicate test.` }) });
      await t.db.restoreTicket.updateMany({ where: { accountId: acme.account.id }, data: { openForAccountId: null, closedAt: new Date(), status: "CANCELLED" } });
    }
    const now = new Date(Date.now() + MINUTE);
    const a = recordingTransport();
    const b = recordingTransport();
    const slowSend = (transport: MailTransport & { sent: OutgoingEmail[] }) => ({
      ...transport,
      async send(email: OutgoingEmail) {
        // Hand the event loop to the other worker mid-batch, so their claims interleave.
        await new Promise((r) => setImmediate(r));
        return transport.send(email);
      },
    });
    for (let round = 0; round < 10; round++) {
      await Promise.all([deliverDueEmails({ db: t.db, transport: slowSend(a), now, batchSize: 7 }), deliverDueEmails({ db: t.db, transport: slowSend(b), now, batchSize: 7 })]);
    }
    const ids = [...a.sent, ...b.sent].map((e) => e.messageId);
    const staffIds = new Set(staff.map((s) => s.user.id));
    const expected = await t.db.emailOutbox.count({ where: { notification: { userId: { in: [...staffIds] } } } });
    expect(expected).toBeGreaterThanOrEqual(30);
    expect(new Set(ids).size).toBe(ids.length);
    expect(a.sent.length).toBeGreaterThan(0);
    expect(b.sent.length).toBeGreaterThan(0);
    expect(await t.db.emailOutbox.count({ where: { status: "PENDING" } })).toBe(0);
  });

  it("a refusing SMTP server delays mail with growing waits, then gives up; the ticket action was never affected", async () => {
    const { ticket, agent, acme } = await ticketInReview();
    await askForInfo(ticket.id, agent.actor);
    expect((await t.db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("NEEDS_INFO");
    const email = (await notificationsOf(acme.admin.id))[0].email!;
    const transport = recordingTransport(refused);
    let now = new Date(Date.now() + MINUTE);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverDueEmails({ db: t.db, transport, now });
      const row = await t.db.emailOutbox.findUniqueOrThrow({ where: { id: email.id } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toContain("ECONNREFUSED");
      if (attempt < MAX_ATTEMPTS) {
        expect(row.status).toBe("PENDING");
        waits.push((row.nextAttemptAt.getTime() - now.getTime()) / 1000);
        // Not before its time…
        await deliverDueEmails({ db: t.db, transport, now: new Date(row.nextAttemptAt.getTime() - 1000) });
        expect((await t.db.emailOutbox.findUniqueOrThrow({ where: { id: email.id } })).attempts).toBe(attempt);
        now = row.nextAttemptAt;
      } else {
        expect(row.status).toBe("FAILED");
      }
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1920]);
  });

  it("once the server is known to be down, the rest of the batch waits without trying", async () => {
    const agent = await createStaff(t.db);
    const acme = await createTestAccount(t.db);
    await createRestoreRequest({ db: t.db, actor: acme.adminActor, input: requestInput() });
    let tries = 0;
    const transport: MailTransport = {
      host: "down",
      async send() {
        tries++;
        throw refused();
      },
    };
    const report = await deliverDueEmails({ db: t.db, transport, now: new Date(Date.now() + MINUTE), batchSize: 50 });
    expect(report.claimed).toBeGreaterThan(1);
    expect(tries).toBe(1);
    expect(report.retrying).toBe(report.claimed);
    expect((await notificationsOf(agent.user.id))[0].email?.status).toBe("PENDING");
  });

  it("without SMTP, emails are kept for the outbox page", async () => {
    const { ticket, agent, acme } = await ticketInReview();
    await askForInfo(ticket.id, agent.actor);
    await deliverDueEmails({ db: t.db, transport: null, now: new Date(Date.now() + MINUTE), batchSize: 1000 });
    expect((await notificationsOf(acme.admin.id))[0].email?.status).toBe("KEPT");
  });
});

describe("held backups about to expire", () => {
  it("warn the assignee once per ticket and expiry, however often the check runs", async () => {
    const { ticket, agent } = await ticketInReview();
    const now = new Date();
    await t.db.restoreTicket.update({ where: { id: ticket.id }, data: { backupExpiresAt: new Date(now.getTime() + 6 * 60 * MINUTE) } });
    await notifyExpiringBackups({ db: t.db, now });
    await notifyExpiringBackups({ db: t.db, now: new Date(now.getTime() + 10 * MINUTE) });
    const warnings = (await notificationsOf(agent.user.id)).filter((n) => n.kind === "BACKUP_EXPIRING");
    expect(warnings).toHaveLength(1);
    expect(warnings[0].email?.subject).toContain(`RR-${String(ticket.number).padStart(6, "0")}: its backup expires`);
  });

  it("say nothing about closed tickets or backups days away", async () => {
    const { ticket, agent } = await ticketInReview();
    const now = new Date();
    await t.db.restoreTicket.update({ where: { id: ticket.id }, data: { backupExpiresAt: new Date(now.getTime() + 3 * 24 * 60 * MINUTE) } });
    await notifyExpiringBackups({ db: t.db, now });
    expect((await notificationsOf(agent.user.id)).filter((n) => n.kind === "BACKUP_EXPIRING")).toEqual([]);
  });
});

describe("through a real SMTP server", () => {
  it("delivers to exactly the intended recipient; names with CR/LF add no header", async () => {
    const inbox = await startSmtpInbox();
    try {
      const { ticket, agent, acme } = await ticketInReview();
      // Only this test's email goes through the server.
      await t.db.emailOutbox.updateMany({ where: { status: "PENDING" }, data: { status: "KEPT" } });
      await t.db.user.update({ where: { id: acme.admin.id }, data: { name: "Eve\r\nBcc: attacker@evil.example" } });
      await askForInfo(ticket.id, agent.actor, "Subject: injected\r\nBcc: attacker@evil.example\r\n\r\nWhich contacts?");
      const transport = mailTransportFromEnv({ SMTP_URL: `smtp://127.0.0.1:${inbox.port}`, MAIL_FROM: '"Restore Desk" <desk@restoredesk.test>' })!;
      await deliverDueEmails({ db: t.db, transport, now: new Date(Date.now() + MINUTE), batchSize: 1000 });
      const mine = inbox.received.filter((m) => m.rcpt.includes(acme.admin.email));
      expect(mine).toHaveLength(1);
      expect(mine[0].rcpt).toEqual([acme.admin.email]);
      expect(inbox.received.flatMap((m) => m.rcpt)).not.toContain("attacker@evil.example");
      const parsed = mine[0].mail;
      expect(parsed.headers.has("bcc")).toBe(false);
      expect(parsed.subject).toBe(`[Restore Desk] RR-${String(ticket.number).padStart(6, "0")}: support needs more information`);
      expect(parsed.text).toContain("> Subject: injected");
      expect(parsed.html).toContain("Which contacts?");
      expect(parsed.messageId).toMatch(/@restoredesk>?$/);
    } finally {
      await inbox.close();
    }
  });
});
