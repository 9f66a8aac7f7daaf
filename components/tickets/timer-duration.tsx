import { useFormatter, useTranslations } from "next-intl";
import { firstResponseTimer, formatDuration, resolutionTimer, type TimerFacts } from "@/lib/tickets/ticket-timers";

/** "42 min", "2 h 15 min", "3 d 4 h" in the reader's language. */
export function useFormatDuration() {
  const t = useTranslations("timers.duration");
  return (ms: number) => formatDuration(ms, t);
}

export type TimerStrings = { createdAt: string; firstResponseAt: string | null; closedAt: string | null };

export const timerFacts = (ticket: TimerStrings): TimerFacts => ({
  createdAt: new Date(ticket.createdAt),
  firstResponseAt: ticket.firstResponseAt ? new Date(ticket.firstResponseAt) : null,
  closedAt: ticket.closedAt ? new Date(ticket.closedAt) : null,
});

/**
 * A queue cell: the time a timer stopped at (its moment on hover), or — for
 * the first response — how long the requester has been waiting, muted. An
 * open ticket's running resolution is its age, shown in its own column.
 */
export function TimerCell({ ticket, timer, now, compact = false }: { ticket: TimerStrings; timer: "firstResponse" | "resolution"; now: string; compact?: boolean }) {
  const t = useTranslations("timers");
  const format = useFormatter();
  const duration = useFormatDuration();
  const facts = timerFacts(ticket);
  const value = timer === "firstResponse" ? firstResponseTimer(facts, new Date(now)) : resolutionTimer(facts, new Date(now));
  if (value.state === "stopped") {
    return (
      <span className="tabular-nums" title={format.dateTime(value.at, { dateStyle: "medium", timeStyle: "short" })}>
        {duration(value.ms)}
      </span>
    );
  }
  // Compact (under the ticket's age, which already says how long it waits): only that it does.
  if (value.state === "running" && timer === "firstResponse") return <span className="tabular-nums text-slate-500">{compact ? t("notYet") : t("waiting", { time: duration(value.ms) })}</span>;
  return <span className="text-slate-400">—</span>;
}
