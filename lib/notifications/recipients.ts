/**
 * Who is told what (issue 9): one pure function from a timeline event to the
 * people it notifies. No database, no clock — the table-driven test reads
 * like the rule.
 */
import type { Role } from "@/lib/auth/roles";
import type { NotificationKind, RestoreMethod, RunKind, TicketEventKind, TicketStatus } from "@/lib/generated/prisma/enums";

export type NotifiableEvent = {
  kind: TicketEventKind;
  actorId: string | null;
  internal: boolean;
  toStatus: TicketStatus | null;
  /** RUN_* and UNDONE events: which run (an UNDO reverses a full restore). */
  runKind: RunKind | null;
  /** ASSIGNED events: the new assignee. */
  assigneeId: string | null;
};

export type TicketFacts = {
  requesterId: string;
  assigneeId: string | null;
  method: RestoreMethod;
  /** The restore may revert or remove data (a full one, or a selective one that is more than bringing back): defaults to "a full restore". */
  rewritesData?: boolean;
};

/** The people who could be told: enabled support staff, and the enabled users of the ticket's account. */
export type Audience = { staff: readonly { id: string; isLead: boolean }[]; accountUserIds: readonly string[] };

export type Recipient = { userId: string; kind: NotificationKind };

type PickRecipients = (ticket: TicketFacts, audience: Audience) => (string | null)[];

const requester: PickRecipients = (t) => [t.requesterId];
const assignee: PickRecipients = (t) => [t.assigneeId];
const requesterAndAssignee: PickRecipients = (t) => [t.requesterId, t.assigneeId];
const allStaff: PickRecipients = (_, a) => a.staff.map((s) => s.id);
const leads: PickRecipients = (_, a) => a.staff.filter((s) => s.isLead).map((s) => s.id);
const accountUsers: PickRecipients = (_, a) => [...a.accountUserIds];
/** Unassigned work goes to everyone in support, so nobody's answer waits for a person who doesn't exist. */
const assigneeOrStaff: PickRecipients = (t, a) => (t.assigneeId ? [t.assigneeId] : allStaff(t, a));

type Rule = [PickRecipients, NotificationKind];

function rulesFor(event: NotifiableEvent, ticket: TicketFacts, audience: Audience): Rule[] {
  const byCustomer = event.actorId !== null && audience.accountUserIds.includes(event.actorId);
  // A restore that rewrites data (and any undo) makes the account read-only: everyone who uses it hears when it starts and ends.
  const rewritesAccount = (ticket.rewritesData ?? ticket.method === "FULL") || event.runKind === "UNDO";
  switch (event.kind) {
    case "CREATED":
      return [[allStaff, "TICKET_FILED"]];
    case "ASSIGNED":
      return [[() => [event.assigneeId], "TICKET_ASSIGNED"]];
    case "INFO_REQUESTED":
      return [[requester, "INFO_REQUESTED"]];
    case "REPLY":
      return byCustomer ? [[assigneeOrStaff, "REQUESTER_REPLIED"]] : [[requester, "SUPPORT_REPLIED"]];
    case "APPROVAL_REQUESTED":
      return [[leads, "APPROVAL_WAITING"]];
    case "APPROVED":
      return [[requester, "TICKET_APPROVED"]];
    case "REJECTED":
      return [[requester, "TICKET_REJECTED"]];
    case "STATUS_CHANGED":
      return event.toStatus === "CANCELLED" ? [[assignee, "TICKET_CANCELLED"]] : [];
    case "RUN_STARTED":
      if (event.runKind === "UNDO") return [[accountUsers, "ACCOUNT_RESTORE_STARTED"]];
      return [[requesterAndAssignee, "RESTORE_STARTED"], ...(rewritesAccount ? [[accountUsers, "ACCOUNT_RESTORE_STARTED"] as Rule] : [])];
    case "RUN_COMPLETED":
      return [[requesterAndAssignee, "RESTORE_COMPLETED"], ...(rewritesAccount ? [[accountUsers, "ACCOUNT_RESTORE_FINISHED"] as Rule] : [])];
    case "RUN_FAILED":
      return [[requesterAndAssignee, event.runKind === "UNDO" ? "UNDO_FAILED" : "RESTORE_FAILED"], ...(rewritesAccount ? [[accountUsers, "ACCOUNT_RESTORE_FINISHED"] as Rule] : [])];
    case "UNDONE":
      return [[requesterAndAssignee, "RESTORE_UNDONE"], [accountUsers, "ACCOUNT_RESTORE_FINISHED"]];
    default:
      // Reviews, notes, progress: visible on the ticket, not worth an interruption.
      return [];
  }
}

const NOBODY: Audience = { staff: [], accountUserIds: [] };

/** Whether an event can notify anyone at all: the rest need no database reads. */
export function causesNotifications(event: NotifiableEvent): boolean {
  return rulesFor(event, { requesterId: "", assigneeId: null, method: "CSV" }, NOBODY).length > 0;
}

/**
 * The notifications one timeline event causes. Nobody hears about their own
 * action; a person gets one notification per event (the first, most specific
 * rule wins); customers never hear about internal events.
 */
export function recipientsFor(event: NotifiableEvent, ticket: TicketFacts, audience: Audience): Recipient[] {
  const staffIds = new Set(audience.staff.map((s) => s.id));
  const allowed = new Set([...staffIds, ...(event.internal ? [] : audience.accountUserIds)]);
  const seen = new Set<string>();
  const recipients: Recipient[] = [];
  for (const [pick, kind] of rulesFor(event, ticket, audience)) {
    for (const userId of pick(ticket, audience)) {
      if (!userId || userId === event.actorId || seen.has(userId) || !allowed.has(userId)) continue;
      seen.add(userId);
      recipients.push({ userId, kind });
    }
  }
  return recipients;
}

/** A held backup about to expire on an open ticket: its assignee, or everyone in support when nobody has it. */
export function backupExpiryRecipients(ticket: TicketFacts, audience: Audience): Recipient[] {
  return assigneeOrStaff(ticket, audience)
    .filter((id): id is string => !!id && audience.staff.some((s) => s.id === id))
    .map((userId) => ({ userId, kind: "BACKUP_EXPIRING" as const }));
}

/**
 * A loss the daily backup noticed: the account admin only — members cannot
 * file a request, so telling them would only alarm.
 */
export function lossAlertRecipients(adminId: string | null, audience: Audience, kind: "LOSS_DETECTED" | "LOSS_REMINDER"): Recipient[] {
  return adminId && audience.accountUserIds.includes(adminId) ? [{ userId: adminId, kind }] : [];
}

const CUSTOMER_KINDS: NotificationKind[] = [
  "INFO_REQUESTED",
  "SUPPORT_REPLIED",
  "TICKET_APPROVED",
  "TICKET_REJECTED",
  "RESTORE_STARTED",
  "RESTORE_COMPLETED",
  "RESTORE_FAILED",
  "RESTORE_UNDONE",
  "UNDO_FAILED",
  "ACCOUNT_RESTORE_STARTED",
  "ACCOUNT_RESTORE_FINISHED",
  "LOSS_DETECTED",
  "LOSS_REMINDER",
];
const AGENT_KINDS: NotificationKind[] = [
  "TICKET_FILED",
  "TICKET_ASSIGNED",
  "REQUESTER_REPLIED",
  "TICKET_CANCELLED",
  "RESTORE_STARTED",
  "RESTORE_COMPLETED",
  "RESTORE_FAILED",
  "RESTORE_UNDONE",
  "UNDO_FAILED",
  "BACKUP_EXPIRING",
];

/** The kinds a role can receive: the rows of its email preferences. */
export const KINDS_FOR_ROLE: Record<Role, readonly NotificationKind[]> = {
  ACCOUNT_ADMIN: CUSTOMER_KINDS,
  ACCOUNT_MEMBER: ["ACCOUNT_RESTORE_STARTED", "ACCOUNT_RESTORE_FINISHED"],
  SUPPORT_AGENT: AGENT_KINDS,
  SUPPORT_LEAD: [...AGENT_KINDS, "APPROVAL_WAITING"],
};
