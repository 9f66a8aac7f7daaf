/**
 * The two service timers of a ticket, as help desks count them. Pure.
 *
 * - First response: from filing to support's first public reply or question
 *   to the requester (a REPLY or INFO_REQUESTED event by a support user that
 *   is not internal). Internal notes, status changes, assignments and the
 *   requester's own messages do not stop it. Set once (`firstResponseAt`).
 * - Resolution: from filing to the ticket's final outcome, `closedAt` — when
 *   it became COMPLETED, REJECTED, CANCELLED or UNDONE. A cancelled ticket is
 *   resolved too (the requester's problem went away), and a FAILED run is not
 *   an outcome (it may be retried), so the timer keeps running. An undo moves
 *   the outcome: transitionTicket stamps `closedAt` again when a COMPLETED
 *   ticket becomes UNDONE, so resolution runs to the undo.
 *
 * While a timer has not stopped it "runs": the time elapsed so far. A ticket
 * that closed without any response from support (cancelled first) has no
 * first-response time at all.
 */
import type { TicketEventKind } from "@/lib/generated/prisma/enums";

export type TimerFacts = { createdAt: Date; firstResponseAt: Date | null; closedAt: Date | null };

export type Timer =
  /** Stopped at `at`, `ms` after filing. */
  | { state: "stopped"; ms: number; at: Date }
  /** Still waiting, `ms` elapsed so far. */
  | { state: "running"; ms: number }
  /** Will never stop (closed without a response). */
  | { state: "none" };

const elapsed = (from: Date, to: Date) => Math.max(0, to.getTime() - from.getTime());

export function firstResponseTimer(ticket: TimerFacts, now: Date): Timer {
  if (ticket.firstResponseAt) return { state: "stopped", ms: elapsed(ticket.createdAt, ticket.firstResponseAt), at: ticket.firstResponseAt };
  if (ticket.closedAt) return { state: "none" };
  return { state: "running", ms: elapsed(ticket.createdAt, now) };
}

export function resolutionTimer(ticket: TimerFacts, now: Date): Timer {
  if (ticket.closedAt) return { state: "stopped", ms: elapsed(ticket.createdAt, ticket.closedAt), at: ticket.closedAt };
  return { state: "running", ms: elapsed(ticket.createdAt, now) };
}

const RESPONSE_KINDS: readonly TicketEventKind[] = ["REPLY", "INFO_REQUESTED"];

/**
 * Whether an event could be support's first response: public, by a person,
 * and a reply or a question. That the person is support staff (not the
 * requester) is the caller's check, against the user's kind.
 */
export function mayBeFirstResponse(event: { kind: TicketEventKind; internal: boolean; actorId: string | null }): boolean {
  return RESPONSE_KINDS.includes(event.kind) && !event.internal && event.actorId !== null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in the two largest units that matter, rounded down: "42 min",
 * "2 h 15 min", "3 d 4 h". Under a minute is "less than a minute"; a zero
 * smaller unit is dropped ("2 h", "3 d").
 */
export type DurationParts =
  | { unit: "underMinute" }
  | { unit: "minutes"; minutes: number }
  | { unit: "hours"; hours: number; minutes: number }
  | { unit: "days"; days: number; hours: number };

export function durationParts(ms: number): DurationParts {
  if (ms < MINUTE) return { unit: "underMinute" };
  if (ms < HOUR) return { unit: "minutes", minutes: Math.floor(ms / MINUTE) };
  if (ms < DAY) return { unit: "hours", hours: Math.floor(ms / HOUR), minutes: Math.floor((ms % HOUR) / MINUTE) };
  return { unit: "days", days: Math.floor(ms / DAY), hours: Math.floor((ms % DAY) / HOUR) };
}

/** The messages of the `timers.duration` namespace, as a translator of them. */
export type DurationMessages = (key: DurationParts["unit"], values: Record<string, number>) => string;

/** A duration in words of the reader's language: "2 h 15 min", "3 dni 4 godz.". */
export function formatDuration(ms: number, t: DurationMessages): string {
  const { unit, ...values } = durationParts(ms);
  return t(unit, values);
}
