import "server-only";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOB } from "@/lib/jobs/job-names";
import { parseSelection, rewritesExistingData } from "@/lib/selective-restore/selection";
import type { DbOrTx } from "@/lib/db/client";
import type { RunKind, TicketEvent } from "@/lib/generated/prisma/client";
import { appBaseUrl } from "@/lib/notifications/app-url";
import { deliverableAddress } from "@/lib/notifications/email-address";
import { renderEmail } from "@/lib/notifications/email-template";
import { QUOTE_MAX, type NotificationData, type QuoteHeading } from "@/lib/notifications/notification-text";
import { causesNotifications, recipientsFor, type Audience, type NotifiableEvent, type Recipient } from "@/lib/notifications/recipients";
import { notificationTranslator } from "@/lib/notifications/translator";

type AudienceUser = { id: string; name: string; email: string; locale: string; kind: "CUSTOMER" | "SUPPORT"; isLead: boolean };

/** Enabled support staff and the enabled users of one account: everyone a ticket's event could concern. */
export async function loadAudience(tx: DbOrTx, accountId: string): Promise<{ audience: Audience; users: Map<string, AudienceUser> }> {
  const users = await tx.user.findMany({
    where: { disabledAt: null, OR: [{ kind: "SUPPORT" }, { accountId }] },
    select: { id: true, name: true, email: true, locale: true, kind: true, isLead: true },
  });
  return {
    audience: {
      staff: users.filter((u) => u.kind === "SUPPORT").map((u) => ({ id: u.id, isLead: u.isLead })),
      accountUserIds: users.filter((u) => u.kind === "CUSTOMER").map((u) => u.id),
    },
    users: new Map(users.map((u) => [u.id, u])),
  };
}

/**
 * Writes in-app notifications and their emails, inside the caller's
 * transaction: they exist exactly when the change that caused them does.
 * (sourceKey, user) is unique, so the same cause never notifies twice.
 * Emails are rendered now, in each recipient's language, so the outbox holds
 * exactly what will be sent.
 */
export async function enqueueNotifications(
  tx: DbOrTx,
  { sourceKey, recipients, users, data, createdAt }: { sourceKey: string; recipients: Recipient[]; users: Map<string, AudienceUser>; data: NotificationData; createdAt: Date },
): Promise<number> {
  if (!recipients.length) return 0;
  const created = await tx.notification.createManyAndReturn({
    data: recipients.map((r) => ({ userId: r.userId, kind: r.kind, sourceKey, ticketNumber: data.ticket ?? null, data, createdAt })),
    skipDuplicates: true,
    select: { id: true, userId: true, kind: true },
  });
  if (!created.length) return 0;
  const optedOut = await tx.emailOptOut.findMany({ where: { userId: { in: created.map((n) => n.userId) } }, select: { userId: true, kind: true } });
  const off = new Set(optedOut.map((o) => `${o.userId}:${o.kind}`));
  const baseUrl = appBaseUrl();
  const emails = created
    .filter((n) => !off.has(`${n.userId}:${n.kind}`))
    .map((n) => {
      const user = users.get(n.userId)!;
      const { t, locale } = notificationTranslator(user.locale);
      const email = renderEmail({ kind: n.kind, data, locale, t, baseUrl, recipient: { name: user.name, audience: user.kind === "SUPPORT" ? "staff" : "customer" } });
      const address = deliverableAddress(user.email);
      return {
        notificationId: n.id,
        toAddress: address ?? user.email.slice(0, 320),
        toName: user.name,
        locale,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
        // No usable address: kept for the outbox page, never handed to SMTP.
        ...(address ? {} : { status: "UNDELIVERABLE" as const, lastError: "No valid email address on the user" }),
        createdAt,
      };
    });
  if (emails.length) {
    await tx.emailOutbox.createMany({ data: emails });
    // Sent as soon as this transaction commits; the outbox stays the record of what is owed.
    await enqueueJob(tx, JOB.deliverEmails, {}, { maxAttempts: 3 });
  }
  return created.length;
}

const QUOTED: Partial<Record<TicketEvent["kind"], QuoteHeading>> = {
  INFO_REQUESTED: "questionHeading",
  REPLY: "replyHeading",
  REJECTED: "reasonHeading",
  APPROVED: "replyHeading",
  UNDONE: "reasonHeading",
};

type RunEventData = { runKind?: RunKind; assigneeId?: string; figures?: { rows?: number; inserted?: number; deleted?: number } };

/** The notifications of one timeline event, in its transaction. */
export async function notifyTicketEvent(tx: DbOrTx, event: TicketEvent): Promise<number> {
  const eventData = (event.data ?? {}) as RunEventData;
  const notifiable: NotifiableEvent = {
    kind: event.kind,
    actorId: event.actorId,
    internal: event.internal,
    toStatus: event.toStatus,
    runKind: eventData.runKind ?? null,
    assigneeId: eventData.assigneeId ?? null,
  };
  if (!causesNotifications(notifiable)) return 0;

  const ticket = await tx.restoreTicket.findUniqueOrThrow({
    where: { id: event.ticketId },
    select: { number: true, requesterId: true, assigneeId: true, method: true, selection: true, restoreDate: true, accountId: true, account: { select: { name: true } } },
  });
  const rewritesData = rewritesExistingData(ticket.method, parseSelection(ticket.selection));
  const { audience, users } = await loadAudience(tx, ticket.accountId);
  const recipients = recipientsFor(notifiable, { ...ticket, rewritesData }, audience);
  if (!recipients.length) return 0;

  const heading = QUOTED[event.kind];
  const figures = event.kind === "RUN_COMPLETED" ? eventData.figures : undefined;
  const data: NotificationData = {
    ticket: ticket.number,
    method: ticket.method,
    account: ticket.account.name,
    date: ticket.restoreDate.toISOString().slice(0, 10),
    actor: event.actorId ? (users.get(event.actorId)?.name ?? "") : "",
    // One character over the limit is kept, so the texts know to say the message goes on.
    ...(heading && event.body ? { quote: { heading, text: event.body.slice(0, QUOTE_MAX + 1) } } : {}),
    ...(figures && ticket.method === "CSV" ? { rows: figures.rows ?? 0 } : {}),
    ...(figures && ticket.method !== "CSV" ? { written: figures.inserted ?? 0, removed: figures.deleted ?? 0 } : {}),
    ...(ticket.method === "SELECTIVE" && rewritesData ? { readOnly: true } : {}),
  };
  return enqueueNotifications(tx, { sourceKey: `event:${event.id}`, recipients, users, data, createdAt: event.createdAt });
}
