import fc from "fast-check";
import type { Selection } from "@/lib/selective-restore/selection";
import { describe, expect, it } from "vitest";
import { TicketStatus, RestoreMethod } from "@/lib/generated/prisma/enums";
import {
  availableActions,
  canReply,
  decideTransition,
  TICKET_ACTIONS,
  type TicketAction,
  type TicketActorRole,
  type TransitionContext,
} from "@/lib/tickets/state-machine";

const STATUSES = Object.values(TicketStatus);
const METHODS = Object.values(RestoreMethod);
const ROLES: TicketActorRole[] = ["SUPPORT_AGENT", "SUPPORT_LEAD", "ACCOUNT_ADMIN", "ACCOUNT_MEMBER", "SYSTEM"];
const SUPPORT: TicketActorRole[] = ["SUPPORT_AGENT", "SUPPORT_LEAD"];

/**
 * The life cycle of SPEC §4 written out independently of the implementation:
 * action → [from states, to state, roles].
 */
const EXPECTED: Record<TicketAction, { from: TicketStatus[]; to: TicketStatus | "SAME"; roles: TicketActorRole[] }> = {
  START_REVIEW: { from: ["SUBMITTED"], to: "IN_REVIEW", roles: SUPPORT },
  ASK_FOR_INFO: { from: ["SUBMITTED", "IN_REVIEW"], to: "NEEDS_INFO", roles: SUPPORT },
  PROVIDE_INFO: { from: ["NEEDS_INFO"], to: "IN_REVIEW", roles: ["ACCOUNT_ADMIN"] },
  REQUEST_APPROVAL: { from: ["IN_REVIEW"], to: "SAME", roles: SUPPORT },
  APPROVE: { from: ["IN_REVIEW"], to: "APPROVED", roles: SUPPORT },
  REJECT: { from: ["SUBMITTED", "IN_REVIEW", "NEEDS_INFO"], to: "REJECTED", roles: SUPPORT },
  CANCEL: { from: ["SUBMITTED", "IN_REVIEW", "NEEDS_INFO"], to: "CANCELLED", roles: ["ACCOUNT_ADMIN"] },
  START_RUN: { from: ["APPROVED"], to: "RUNNING", roles: SUPPORT },
  RETRY: { from: ["FAILED"], to: "RUNNING", roles: SUPPORT },
  COMPLETE_RUN: { from: ["RUNNING"], to: "COMPLETED", roles: ["SYSTEM"] },
  FAIL_RUN: { from: ["RUNNING"], to: "FAILED", roles: ["SYSTEM"] },
  COMPLETE_UNDO: { from: ["COMPLETED"], to: "UNDONE", roles: ["SYSTEM"] },
};

const context = (overrides: Partial<TransitionContext>): TransitionContext => ({
  status: "SUBMITTED",
  method: "CSV",
  actorRole: "SUPPORT_AGENT",
  actorId: "actor",
  actorIsOnTicketAccount: true,
  approvalRequestedById: "someone-else",
  reason: "because",
  ...overrides,
});

describe("the state machine, every state × action × role × method", () => {
  for (const status of STATUSES) {
    for (const action of TICKET_ACTIONS) {
      for (const actorRole of ROLES) {
        for (const method of METHODS) {
          it(`${status} · ${action} · ${actorRole} · ${method}`, () => {
            const expected = EXPECTED[action];
            // A lead approving a full restore another agent asked for: the permissive case.
            const decision = decideTransition(action, context({ status, actorRole, method }));
            const roleOk = expected.roles.includes(actorRole);
            const stateOk = expected.from.includes(status);
            let allowed = roleOk && stateOk;
            // A selective restore without a known selection is treated as one that may rewrite data.
            if (action === "APPROVE" && method !== "CSV") allowed &&= actorRole === "SUPPORT_LEAD";
            if (action === "REQUEST_APPROVAL") allowed = false; // approval already requested in this context
            expect(decision.ok).toBe(allowed);
            if (decision.ok) expect(decision.to).toBe(expected.to === "SAME" ? status : expected.to);
            else if (!roleOk) expect(decision.code).toBe("NOT_ALLOWED_FOR_ROLE");
            else if (!stateOk) expect(decision.code).toBe("NOT_IN_THIS_STATE");
          });
        }
      }
    }
  }
});

describe("four eyes on full restores", () => {
  const inReview = { status: "IN_REVIEW" as const, method: "FULL" as const };
  it("an agent cannot approve a full restore, even when asked", () => {
    expect(decideTransition("APPROVE", context({ ...inReview, actorRole: "SUPPORT_AGENT" }))).toEqual({ ok: false, code: "LEAD_REQUIRED" });
  });
  it("a lead cannot approve before someone asked for approval", () => {
    expect(decideTransition("APPROVE", context({ ...inReview, actorRole: "SUPPORT_LEAD", approvalRequestedById: null }))).toEqual({
      ok: false,
      code: "APPROVAL_NOT_REQUESTED",
    });
  });
  it("the lead who asked for approval cannot approve it", () => {
    expect(
      decideTransition("APPROVE", context({ ...inReview, actorRole: "SUPPORT_LEAD", actorId: "lead-1", approvalRequestedById: "lead-1" })),
    ).toEqual({ ok: false, code: "FOUR_EYES" });
  });
  it("another lead can", () => {
    expect(
      decideTransition("APPROVE", context({ ...inReview, actorRole: "SUPPORT_LEAD", actorId: "lead-2", approvalRequestedById: "agent-1" })),
    ).toEqual({ ok: true, to: "APPROVED" });
  });
  it("a CSV restore is approved by any agent, without asking", () => {
    expect(decideTransition("APPROVE", context({ status: "IN_REVIEW", method: "CSV", approvalRequestedById: null }))).toEqual({
      ok: true,
      to: "APPROVED",
    });
  });
  it("approval is asked once, and only for full restores", () => {
    expect(decideTransition("REQUEST_APPROVAL", context({ ...inReview, approvalRequestedById: null }))).toEqual({ ok: true, to: "IN_REVIEW" });
    expect(decideTransition("REQUEST_APPROVAL", context({ ...inReview }))).toEqual({ ok: false, code: "APPROVAL_ALREADY_REQUESTED" });
    expect(decideTransition("REQUEST_APPROVAL", context({ status: "IN_REVIEW", method: "CSV", approvalRequestedById: null }))).toEqual({
      ok: false,
      code: "NOT_NEEDED_FOR_CSV",
    });
  });
});

describe("four eyes on selective restores", () => {
  const inReview = { status: "IN_REVIEW" as const, method: "SELECTIVE" as const, approvalRequestedById: null };
  const selection = (mode: Selection["mode"]): Selection => ({ scope: "TYPES", types: ["contact"], withRelated: true, mode });
  it("bringing back deleted records is approved by any agent, without asking", () => {
    expect(decideTransition("APPROVE", context({ ...inReview, selection: selection("MISSING") }))).toEqual({ ok: true, to: "APPROVED" });
    expect(decideTransition("REQUEST_APPROVAL", context({ ...inReview, selection: selection("MISSING") }))).toEqual({ ok: false, code: "NOT_NEEDED_FOR_CSV" });
  });
  it("reverting or removing needs a lead's approval asked for by someone else", () => {
    for (const mode of ["MISSING_AND_CHANGED", "EXACT"] as const) {
      expect(decideTransition("APPROVE", context({ ...inReview, selection: selection(mode) }))).toEqual({ ok: false, code: "LEAD_REQUIRED" });
      expect(decideTransition("REQUEST_APPROVAL", context({ ...inReview, selection: selection(mode) }))).toEqual({ ok: true, to: "IN_REVIEW" });
      expect(
        decideTransition("APPROVE", context({ ...inReview, selection: selection(mode), actorRole: "SUPPORT_LEAD", actorId: "lead", approvalRequestedById: "agent" })),
      ).toEqual({ ok: true, to: "APPROVED" });
    }
  });
});

describe("other guards", () => {
  it("a rejection needs a reason", () => {
    for (const reason of [null, "", "   "]) {
      expect(decideTransition("REJECT", context({ status: "IN_REVIEW", reason }))).toEqual({ ok: false, code: "REASON_REQUIRED" });
    }
  });
  it("a customer cannot act on another account's ticket", () => {
    expect(decideTransition("CANCEL", context({ actorRole: "ACCOUNT_ADMIN", actorIsOnTicketAccount: false }))).toEqual({
      ok: false,
      code: "NOT_ALLOWED_FOR_ROLE",
    });
  });
  it("cancelling after approval is refused", () => {
    for (const status of ["APPROVED", "RUNNING", "COMPLETED", "FAILED"] as const) {
      expect(decideTransition("CANCEL", context({ status, actorRole: "ACCOUNT_ADMIN" }))).toEqual({ ok: false, code: "NOT_IN_THIS_STATE" });
    }
  });
  it("replies: support always, the requester until they cancel, members never", () => {
    expect(canReply("COMPLETED", "SUPPORT_AGENT")).toBe(true);
    expect(canReply("NEEDS_INFO", "ACCOUNT_ADMIN")).toBe(true);
    expect(canReply("CANCELLED", "ACCOUNT_ADMIN")).toBe(false);
    expect(canReply("SUBMITTED", "ACCOUNT_MEMBER")).toBe(false);
  });
  it("offers the admin exactly what they may do", () => {
    expect(availableActions({ ...context({ status: "NEEDS_INFO", actorRole: "ACCOUNT_ADMIN" }) })).toEqual(["PROVIDE_INFO", "CANCEL"]);
    expect(availableActions({ ...context({ status: "APPROVED", actorRole: "ACCOUNT_ADMIN" }) })).toEqual([]);
  });
});

describe("properties over random histories", () => {
  const TERMINAL: TicketStatus[] = ["REJECTED", "CANCELLED", "UNDONE"];
  const step = fc.record({
    action: fc.constantFrom(...TICKET_ACTIONS),
    actorRole: fc.constantFrom(...ROLES),
    actorId: fc.constantFrom("a", "b", "c"),
    reason: fc.option(fc.string(), { nil: null }),
    onAccount: fc.boolean(),
  });

  it("every reachable history follows the written life cycle, and terminal states stay terminal", () => {
    fc.assert(
      fc.property(fc.constantFrom(...METHODS), fc.array(step, { maxLength: 40 }), (method, steps) => {
        let status: TicketStatus = "SUBMITTED";
        let approvalRequestedById: string | null = null;
        let everApproved = false;
        for (const s of steps) {
          const before = status;
          const decision = decideTransition(s.action, {
            status,
            method,
            actorRole: s.actorRole,
            actorId: s.actorId,
            actorIsOnTicketAccount: s.onAccount,
            approvalRequestedById,
            reason: s.reason,
          });
          if (!decision.ok) continue;
          const expected = EXPECTED[s.action];
          expect(expected.from).toContain(before);
          expect(expected.roles).toContain(s.actorRole);
          expect(TERMINAL).not.toContain(before);
          // A completed restore can only be undone, and only by the undo run itself.
          if (before === "COMPLETED") expect([s.action, s.actorRole]).toEqual(["COMPLETE_UNDO", "SYSTEM"]);
          if (s.action === "REQUEST_APPROVAL") approvalRequestedById = s.actorId;
          if (s.action === "APPROVE") {
            everApproved = true;
            if (method === "FULL") {
              expect(s.actorRole).toBe("SUPPORT_LEAD");
              expect(approvalRequestedById).not.toBeNull();
              expect(approvalRequestedById).not.toBe(s.actorId);
            }
          }
          if (decision.to === "CANCELLED") expect(everApproved).toBe(false);
          if (decision.to === "RUNNING") expect(everApproved).toBe(true);
          if (decision.to === "UNDONE") expect(everApproved).toBe(true);
          status = decision.to;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
