import { getFormatter, getTranslations } from "next-intl/server";
import type { TicketEventKind, TicketStatus } from "@/lib/generated/prisma/enums";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

export type TimelineEvent = {
  id: string;
  kind: TicketEventKind;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  body: string | null;
  internal?: boolean;
  createdAt: Date;
  actor: { name: string; kind: "CUSTOMER" | "SUPPORT" } | null;
};

/** The ticket's history, oldest first; bodies are text (React escapes them). */
export async function TicketTimeline({ events }: { events: TimelineEvent[] }) {
  const t = await getTranslations("timeline");
  const ts = await getTranslations("status");
  const format = await getFormatter();
  return (
    <ol className="space-y-4" aria-label={t("label")}>
      {events.map((event) => (
        <li
          key={event.id}
          className={cn(
            "rounded-lg border px-4 py-3",
            event.internal ? "border-amber-200 bg-amber-50" : event.actor?.kind === "CUSTOMER" ? "border-slate-200 bg-white" : "border-brand-100 bg-brand-50/40",
          )}
        >
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
            <span className="font-medium text-slate-900">{event.actor?.name ?? t("system")}</span>
            <span className="text-slate-600">{t(`kind.${event.kind}`)}</span>
            {event.toStatus && event.fromStatus !== event.toStatus && event.kind !== "CREATED" && (
              <span className="text-slate-600">→ {ts(event.toStatus)}</span>
            )}
            {event.internal && <Badge tone="warning">{t("internal")}</Badge>}
            <time className="ml-auto text-xs text-slate-500" dateTime={event.createdAt.toISOString()}>
              {format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </time>
          </div>
          {event.body && <p className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-800">{event.body}</p>}
        </li>
      ))}
    </ol>
  );
}
