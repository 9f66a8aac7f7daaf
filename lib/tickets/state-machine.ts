/**
 * The ticket life cycle (SPEC §4) — the one place that decides which change
 * may happen to a ticket, by whom. Pure: no database, no clock.
 *
 * SUBMITTED → IN_REVIEW → (NEEDS_INFO ↔ IN_REVIEW) → APPROVED → RUNNING →
 * COMPLETED | FAILED, plus REJECTED (from review) and CANCELLED (by the
 * requester, before approval). FAILED may be retried. A COMPLETED full
 * restore that support undoes ends UNDONE (the undo rule is undo-rules.ts).
 */
import type { Role } from "@/lib/auth/roles";
import type { RestoreMethod, TicketStatus } from "@/lib/generated/prisma/enums";
import { rewritesExistingData, type Selection } from "@/lib/selective-restore/selection";

export type TicketAction =
  | "START_REVIEW"
  | "ASK_FOR_INFO"
  | "PROVIDE_INFO"
  | "REQUEST_APPROVAL"
  | "APPROVE"
  | "REJECT"
  | "CANCEL"
  | "START_RUN"
  | "RETRY"
  | "COMPLETE_RUN"
  | "FAIL_RUN"
  | "COMPLETE_UNDO";

export const TICKET_ACTIONS: readonly TicketAction[] = [
  "START_REVIEW",
  "ASK_FOR_INFO",
  "PROVIDE_INFO",
  "REQUEST_APPROVAL",
  "APPROVE",
  "REJECT",
  "CANCEL",
  "START_RUN",
  "RETRY",
  "COMPLETE_RUN",
  "FAIL_RUN",
  "COMPLETE_UNDO",
];

/** Who acts: a signed-in role, or the restore runner itself. */
export type TicketActorRole = Role | "SYSTEM";

export type TransitionContext = {
  status: TicketStatus;
  method: RestoreMethod;
  actorRole: TicketActorRole;
  actorId: string | null;
  /** Customers act only on their own account's tickets. */
  actorIsOnTicketAccount: boolean;
  /** Four eyes: the agent who asked a lead to approve a full restore. */
  approvalRequestedById: string | null;
  /** Rejections must say why. */
  reason?: string | null;
  /** A selective restore's choice: whether it may remove or revert data decides the four eyes. */
  selection?: Selection | null;
};

export type RefusalCode =
  | "NOT_ALLOWED_FOR_ROLE"
  | "NOT_IN_THIS_STATE"
  | "LEAD_REQUIRED"
  | "APPROVAL_NOT_REQUESTED"
  | "FOUR_EYES"
  | "APPROVAL_ALREADY_REQUESTED"
  | "NOT_NEEDED_FOR_CSV"
  | "REASON_REQUIRED";

export type TransitionDecision = { ok: true; to: TicketStatus } | { ok: false; code: RefusalCode };

type Rule = {
  from: readonly TicketStatus[];
  to: TicketStatus | "SAME";
  roles: readonly TicketActorRole[];
};

const SUPPORT = ["SUPPORT_AGENT", "SUPPORT_LEAD"] as const;
const REVIEWABLE = ["SUBMITTED", "IN_REVIEW", "NEEDS_INFO"] as const;

export const RULES: Record<TicketAction, Rule> = {
  START_REVIEW: { from: ["SUBMITTED"], to: "IN_REVIEW", roles: SUPPORT },
  ASK_FOR_INFO: { from: ["SUBMITTED", "IN_REVIEW"], to: "NEEDS_INFO", roles: SUPPORT },
  // The requester's answer puts the ticket back in review.
  PROVIDE_INFO: { from: ["NEEDS_INFO"], to: "IN_REVIEW", roles: ["ACCOUNT_ADMIN"] },
  REQUEST_APPROVAL: { from: ["IN_REVIEW"], to: "SAME", roles: SUPPORT },
  APPROVE: { from: ["IN_REVIEW"], to: "APPROVED", roles: SUPPORT },
  REJECT: { from: REVIEWABLE, to: "REJECTED", roles: SUPPORT },
  CANCEL: { from: REVIEWABLE, to: "CANCELLED", roles: ["ACCOUNT_ADMIN"] },
  START_RUN: { from: ["APPROVED"], to: "RUNNING", roles: SUPPORT },
  RETRY: { from: ["FAILED"], to: "RUNNING", roles: SUPPORT },
  COMPLETE_RUN: { from: ["RUNNING"], to: "COMPLETED", roles: ["SYSTEM"] },
  FAIL_RUN: { from: ["RUNNING"], to: "FAILED", roles: ["SYSTEM"] },
  // Only the undo run, once it has put the account back, ends a ticket this way.
  COMPLETE_UNDO: { from: ["COMPLETED"], to: "UNDONE", roles: ["SYSTEM"] },
};

export function decideTransition(action: TicketAction, context: TransitionContext): TransitionDecision {
  const rule = RULES[action];
  const isCustomer = context.actorRole === "ACCOUNT_ADMIN" || context.actorRole === "ACCOUNT_MEMBER";
  if (!rule.roles.includes(context.actorRole) || (isCustomer && !context.actorIsOnTicketAccount)) {
    return { ok: false, code: "NOT_ALLOWED_FOR_ROLE" };
  }
  if (!rule.from.includes(context.status)) return { ok: false, code: "NOT_IN_THIS_STATE" };

  if (action === "REJECT" && !context.reason?.trim()) return { ok: false, code: "REASON_REQUIRED" };
  const fourEyes = rewritesExistingData(context.method, context.selection ?? null);
  if (action === "REQUEST_APPROVAL") {
    if (!fourEyes) return { ok: false, code: "NOT_NEEDED_FOR_CSV" };
    if (context.approvalRequestedById) return { ok: false, code: "APPROVAL_ALREADY_REQUESTED" };
  }
  if (action === "APPROVE" && fourEyes) {
    // Four eyes: a full restore rewrites the whole account (a selective one
    // may remove or revert what exists), so one person asks for approval and
    // a different person, a lead, gives it.
    if (context.actorRole !== "SUPPORT_LEAD") return { ok: false, code: "LEAD_REQUIRED" };
    if (!context.approvalRequestedById) return { ok: false, code: "APPROVAL_NOT_REQUESTED" };
    if (context.approvalRequestedById === context.actorId) return { ok: false, code: "FOUR_EYES" };
  }
  return { ok: true, to: rule.to === "SAME" ? context.status : rule.to };
}

/** The actions a given actor could take now (for showing buttons; the server decides again). */
export function availableActions(context: Omit<TransitionContext, "reason">): TicketAction[] {
  return TICKET_ACTIONS.filter((action) => decideTransition(action, { ...context, reason: "x" }).ok);
}

/**
 * Support may always write; the requester (the account admin) may reply until
 * they cancel — after a rejection or a restore there is often something to say.
 */
export function canReply(status: TicketStatus, actorRole: TicketActorRole): boolean {
  if (actorRole === "SUPPORT_AGENT" || actorRole === "SUPPORT_LEAD") return true;
  return actorRole === "ACCOUNT_ADMIN" && status !== "CANCELLED";
}
