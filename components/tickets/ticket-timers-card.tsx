import { useFormatter, useTranslations } from "next-intl";
import { firstResponseTimer, resolutionTimer, type Timer } from "@/lib/tickets/ticket-timers";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { timerFacts, useFormatDuration, type TimerStrings } from "@/components/tickets/timer-duration";

/** First response and resolution of one ticket, counted from filing, with the moments they stopped. */
export function TicketTimersCard({ ticket, now }: { ticket: TimerStrings; now: string }) {
  const t = useTranslations("timers");
  const facts = timerFacts(ticket);
  return (
    <Card>
      <CardHeader title={t("title")} description={t("hint")} />
      <CardBody>
        <dl className="space-y-3 text-sm">
          <TimerRow testId="timer-firstResponse" label={t("firstResponse")} timer={firstResponseTimer(facts, new Date(now))} running={(time) => t("waiting", { time })} runningTone="text-amber-700" stoppedAt={(date) => t("respondedAt", { date })} none={t("noResponse")} />
          <TimerRow testId="timer-resolution" label={t("resolution")} timer={resolutionTimer(facts, new Date(now))} running={(time) => t("openFor", { time })} runningTone="text-slate-600" stoppedAt={(date) => t("resolvedAt", { date })} none="—" />
        </dl>
      </CardBody>
    </Card>
  );
}

function TimerRow({
  testId,
  label,
  timer,
  running,
  runningTone,
  stoppedAt,
  none,
}: {
  testId: string;
  label: string;
  timer: Timer;
  running: (time: string) => string;
  /** A requester still waiting for an answer stands out; an open ticket is just open. */
  runningTone: string;
  stoppedAt: (date: string) => string;
  none: string;
}) {
  const format = useFormatter();
  const duration = useFormatDuration();
  return (
    <div className="flex flex-wrap justify-between gap-x-3 gap-y-0.5" data-testid={testId}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right">
        {timer.state === "stopped" ? (
          <>
            <span className="font-medium tabular-nums" data-testid="timer-duration">
              {duration(timer.ms)}
            </span>
            <span className="block text-xs text-slate-500">{stoppedAt(format.dateTime(timer.at, { dateStyle: "medium", timeStyle: "short" }))}</span>
          </>
        ) : timer.state === "running" ? (
          <span className={`tabular-nums ${runningTone}`}>{running(duration(timer.ms))}</span>
        ) : (
          <span className="text-slate-400">{none}</span>
        )}
      </dd>
    </div>
  );
}
