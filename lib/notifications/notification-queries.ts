import "server-only";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/auth/roles";
import type { EmailStatus, NotificationKind } from "@/lib/generated/prisma/enums";
import { KINDS_FOR_ROLE } from "@/lib/notifications/recipients";
import { isUuid } from "@/lib/format/uuid";

/** A person's latest notifications, newest first. */
export function listNotifications(db: Db, userId: string, limit: number) {
  return db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, ticketNumber: true, data: true, readAt: true, createdAt: true },
  });
}

export function countUnread(db: Db, userId: string) {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Only the reader's own notifications change; someone else's ids are ignored. */
export async function markNotificationsRead(db: Db, userId: string, ids: string[] | "all"): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
  return count;
}

/** Email on or off per kind, for the kinds the role can receive. */
export async function getEmailPreferences(db: Db, userId: string, role: Role): Promise<{ kind: NotificationKind; email: boolean }[]> {
  const off = new Set((await db.emailOptOut.findMany({ where: { userId }, select: { kind: true } })).map((o) => o.kind));
  return KINDS_FOR_ROLE[role].map((kind) => ({ kind, email: !off.has(kind) }));
}

/** Replaces the person's choices in one transaction: the kinds not listed get no email. */
export async function saveEmailPreferences(db: Db, userId: string, role: Role, emailKinds: readonly NotificationKind[]): Promise<void> {
  const optOuts = KINDS_FOR_ROLE[role].filter((kind) => !emailKinds.includes(kind));
  await db.$transaction([
    db.emailOptOut.deleteMany({ where: { userId } }),
    db.emailOptOut.createMany({ data: optOuts.map((kind) => ({ userId, kind })) }),
  ]);
}

export const OUTBOX_PAGE_SIZE = 200;

export function listOutbox(db: Db, status: EmailStatus | null) {
  return db.emailOutbox.findMany({
    where: status ? { status } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: OUTBOX_PAGE_SIZE,
    select: { id: true, toAddress: true, toName: true, subject: true, status: true, attempts: true, nextAttemptAt: true, lastError: true, sentAt: true, createdAt: true },
  });
}

export function outboxCounts(db: Db) {
  return db.emailOutbox.groupBy({ by: ["status"], _count: { _all: true } });
}

/** One email of the outbox; null for an unknown or malformed id (it comes from the URL). */
export async function getOutboxEmail(db: Db, id: string) {
  return isUuid(id) ? db.emailOutbox.findUnique({ where: { id } }) : null;
}
