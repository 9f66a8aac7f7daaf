import { describe, expect, it } from "vitest";
import type { NotificationKind, RestoreMethod } from "@/lib/generated/prisma/enums";
import { backupExpiryRecipients, KINDS_FOR_ROLE, recipientsFor, type Audience, type NotifiableEvent } from "@/lib/notifications/recipients";

// The cast: Acme's admin filed the ticket, Acme's member uses the account,
// "agent" has the ticket, "agent2" does not, "lead" and "lead2" approve.
type Person = "admin" | "member" | "agent" | "agent2" | "lead" | "lead2";
const PEOPLE: Person[] = ["admin", "member", "agent", "agent2", "lead", "lead2"];
const audience: Audience = {
  staff: [
    { id: "agent", isLead: false },
    { id: "agent2", isLead: false },
    { id: "lead", isLead: true },
    { id: "lead2", isLead: true },
  ],
  accountUserIds: ["admin", "member"],
};

type Row = {
  event: Partial<NotifiableEvent> & Pick<NotifiableEvent, "kind">;
  actor: Person | null;
  method?: RestoreMethod;
  assigned?: boolean;
  expected: Partial<Record<Person, NotificationKind>>;
};

// Issue 9's list, written out person by person.
const TABLE: Record<string, Row> = {
  "filed → all of support": { event: { kind: "CREATED" }, actor: "admin", assigned: false, expected: { agent: "TICKET_FILED", agent2: "TICKET_FILED", lead: "TICKET_FILED", lead2: "TICKET_FILED" } },
  "assigned by a lead → the assignee": { event: { kind: "ASSIGNED", internal: true, assigneeId: "agent" }, actor: "lead", expected: { agent: "TICKET_ASSIGNED" } },
  "assigned to oneself → nobody": { event: { kind: "ASSIGNED", internal: true, assigneeId: "agent" }, actor: "agent", expected: {} },
  "information requested → the requester": { event: { kind: "INFO_REQUESTED", toStatus: "NEEDS_INFO" }, actor: "agent", expected: { admin: "INFO_REQUESTED" } },
  "requester replied → the assignee": { event: { kind: "REPLY" }, actor: "admin", expected: { agent: "REQUESTER_REPLIED" } },
  "requester replied on an unassigned ticket → all of support": {
    event: { kind: "REPLY" },
    actor: "admin",
    assigned: false,
    expected: { agent: "REQUESTER_REPLIED", agent2: "REQUESTER_REPLIED", lead: "REQUESTER_REPLIED", lead2: "REQUESTER_REPLIED" },
  },
  "support replied → the requester": { event: { kind: "REPLY" }, actor: "agent2", expected: { admin: "SUPPORT_REPLIED" } },
  "internal note → nobody": { event: { kind: "INTERNAL_NOTE", internal: true }, actor: "agent", expected: {} },
  "review started → nobody": { event: { kind: "STATUS_CHANGED", toStatus: "IN_REVIEW" }, actor: "agent", expected: {} },
  "approval requested → the other leads": { event: { kind: "APPROVAL_REQUESTED", internal: true }, actor: "lead", method: "FULL", expected: { lead2: "APPROVAL_WAITING" } },
  "approved → the requester": { event: { kind: "APPROVED", toStatus: "APPROVED" }, actor: "lead2", expected: { admin: "TICKET_APPROVED" } },
  "rejected → the requester": { event: { kind: "REJECTED", toStatus: "REJECTED" }, actor: "agent", expected: { admin: "TICKET_REJECTED" } },
  "cancelled by the requester → the assignee": { event: { kind: "STATUS_CHANGED", toStatus: "CANCELLED" }, actor: "admin", expected: { agent: "TICKET_CANCELLED" } },
  "CSV restore started by the assignee → the requester": { event: { kind: "RUN_STARTED", runKind: "CSV_EXPORT" }, actor: "agent", expected: { admin: "RESTORE_STARTED" } },
  "CSV restore started by someone else → requester and assignee": {
    event: { kind: "RUN_STARTED", runKind: "CSV_EXPORT" },
    actor: "agent2",
    expected: { admin: "RESTORE_STARTED", agent: "RESTORE_STARTED" },
  },
  "CSV restore completed → requester and assignee": { event: { kind: "RUN_COMPLETED", runKind: "CSV_EXPORT" }, actor: null, expected: { admin: "RESTORE_COMPLETED", agent: "RESTORE_COMPLETED" } },
  "CSV restore failed → requester and assignee": { event: { kind: "RUN_FAILED", runKind: "CSV_EXPORT" }, actor: null, expected: { admin: "RESTORE_FAILED", agent: "RESTORE_FAILED" } },
  "full restore started → requester, and every account user": {
    event: { kind: "RUN_STARTED", runKind: "FULL_RESTORE" },
    actor: "agent",
    method: "FULL",
    expected: { admin: "RESTORE_STARTED", member: "ACCOUNT_RESTORE_STARTED" },
  },
  "full restore completed → requester, assignee, every account user": {
    event: { kind: "RUN_COMPLETED", runKind: "FULL_RESTORE" },
    actor: null,
    method: "FULL",
    expected: { admin: "RESTORE_COMPLETED", agent: "RESTORE_COMPLETED", member: "ACCOUNT_RESTORE_FINISHED" },
  },
  "full restore failed → requester, assignee, every account user": {
    event: { kind: "RUN_FAILED", runKind: "FULL_RESTORE" },
    actor: null,
    method: "FULL",
    expected: { admin: "RESTORE_FAILED", agent: "RESTORE_FAILED", member: "ACCOUNT_RESTORE_FINISHED" },
  },
  "undo started → every account user": {
    event: { kind: "RUN_STARTED", runKind: "UNDO" },
    actor: "agent",
    method: "FULL",
    expected: { admin: "ACCOUNT_RESTORE_STARTED", member: "ACCOUNT_RESTORE_STARTED" },
  },
  "undone → requester and assignee, every account user": {
    event: { kind: "UNDONE", runKind: "UNDO" },
    actor: null,
    method: "FULL",
    expected: { admin: "RESTORE_UNDONE", agent: "RESTORE_UNDONE", member: "ACCOUNT_RESTORE_FINISHED" },
  },
  "undo failed → requester, assignee, every account user": {
    event: { kind: "RUN_FAILED", runKind: "UNDO" },
    actor: null,
    method: "FULL",
    expected: { admin: "UNDO_FAILED", agent: "UNDO_FAILED", member: "ACCOUNT_RESTORE_FINISHED" },
  },
  "run progress → nobody": { event: { kind: "RUN_PROGRESS", internal: true }, actor: null, method: "FULL", expected: {} },
};

function notified(row: Row): Partial<Record<Person, NotificationKind>> {
  const event: NotifiableEvent = { actorId: row.actor, internal: false, toStatus: null, runKind: null, assigneeId: null, ...row.event };
  const ticket = { requesterId: "admin", assigneeId: row.assigned === false ? null : "agent", method: row.method ?? "CSV" };
  const recipients = recipientsFor(event, ticket, audience);
  expect(new Set(recipients.map((r) => r.userId)).size, "one notification per person").toBe(recipients.length);
  return Object.fromEntries(recipients.map((r) => [r.userId, r.kind]));
}

describe("who is notified, per event and person", () => {
  for (const [name, row] of Object.entries(TABLE)) {
    it(name, () => {
      const got = notified(row);
      for (const person of PEOPLE) expect(got[person], person).toBe(row.expected[person]);
      if (row.actor) expect(got[row.actor], "never about one's own action").toBeUndefined();
    });
  }
});

const ROLE_OF: Record<Person, keyof typeof KINDS_FOR_ROLE> = {
  admin: "ACCOUNT_ADMIN",
  member: "ACCOUNT_MEMBER",
  agent: "SUPPORT_AGENT",
  agent2: "SUPPORT_AGENT",
  lead: "SUPPORT_LEAD",
  lead2: "SUPPORT_LEAD",
};

it("every kind a person can receive is on their role's preferences page", () => {
  for (const row of Object.values(TABLE)) {
    for (const [person, kind] of Object.entries(notified(row))) expect(KINDS_FOR_ROLE[ROLE_OF[person as Person]], `${person} ${kind}`).toContain(kind);
  }
  expect(KINDS_FOR_ROLE.SUPPORT_AGENT).toContain("BACKUP_EXPIRING");
});

describe("safety rules", () => {
  it("never tells a customer about an internal event, even if a rule would", () => {
    const event: NotifiableEvent = { kind: "RUN_COMPLETED", actorId: null, internal: true, toStatus: null, runKind: "FULL_RESTORE", assigneeId: null };
    const got = recipientsFor(event, { requesterId: "admin", assigneeId: "agent", method: "FULL" }, audience);
    expect(got).toEqual([{ userId: "agent", kind: "RESTORE_COMPLETED" }]);
  });

  it("never notifies someone outside the audience (another account, a disabled user)", () => {
    const event: NotifiableEvent = { kind: "ASSIGNED", actorId: "lead", internal: true, toStatus: null, runKind: null, assigneeId: "globex-admin" };
    expect(recipientsFor(event, { requesterId: "admin", assigneeId: null, method: "CSV" }, audience)).toEqual([]);
    const gone: NotifiableEvent = { kind: "APPROVED", actorId: "lead", internal: false, toStatus: "APPROVED", runKind: null, assigneeId: null };
    expect(recipientsFor(gone, { requesterId: "disabled-admin", assigneeId: null, method: "CSV" }, audience)).toEqual([]);
  });

  it("a held backup about to expire: the assignee, or all of support when unassigned", () => {
    expect(backupExpiryRecipients({ requesterId: "admin", assigneeId: "agent2", method: "CSV" }, audience)).toEqual([{ userId: "agent2", kind: "BACKUP_EXPIRING" }]);
    expect(backupExpiryRecipients({ requesterId: "admin", assigneeId: null, method: "CSV" }, audience).map((r) => r.userId)).toEqual(["agent", "agent2", "lead", "lead2"]);
  });
});
