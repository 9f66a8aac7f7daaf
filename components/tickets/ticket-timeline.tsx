import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { AttachmentType, TicketEventKind, TicketStatus } from "@/lib/generated/prisma/enums";
import { downloadName, isShownInline } from "@/lib/attachments/attachment-rules";
import { formatBytes } from "@/lib/format/bytes";
import { failureOf } from "@/lib/restore/run-view-model";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

export type TimelineAttachment = { id: string; fileName: string; type: AttachmentType; sizeBytes: number; removedAt: Date | null };

export type TimelineEvent = {
  id: string;
  kind: TicketEventKind;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  body: string | null;
  internal?: boolean;
  /** Figures of run events (phases, outcome, failure reason). */
  data?: unknown;
  createdAt: Date;
  actor: { name: string; kind: "CUSTOMER" | "SUPPORT" } | null;
  attachments?: TimelineAttachment[];
};

/** The ticket's history, oldest first; bodies are text (React escapes them). Customers read run outcomes in plain words. */
export async function TicketTimeline({ events, audience, ticketNumber }: { events: TimelineEvent[]; audience: "support" | "customer"; ticketNumber: string }) {
  const t = await getTranslations("timeline");
  const locale = await getLocale();
  const ts = await getTranslations("status");
  const format = await getFormatter();
  const tr = await getTranslations("run");

  /** One line of figures for a run event, from what the runner recorded. */
  const runSummary = (event: TimelineEvent): string | null => {
    const data = (event.data ?? {}) as { phase?: string; runKind?: string; figures?: Record<string, number>; rows?: number; deleted?: number; inserted?: number; tables?: number };
    const n = (value: number | undefined) => value ?? 0;
    switch (event.kind) {
      case "RUN_STARTED":
        return data.runKind === "UNDO" ? tr("kind.UNDO") : null;
      case "RUN_PROGRESS":
        return data.phase ? tr(`event.${data.phase as "VERIFIED"}`, { rows: n(data.rows), deleted: n(data.deleted), inserted: n(data.inserted), tables: n(data.tables) }) : null;
      case "RUN_COMPLETED":
        if (data.runKind === "CSV_EXPORT") return tr("event.completedCsv", { rows: n(data.figures?.rows) });
        return audience === "customer" ? tr("event.customerCompletedFull") : tr("event.completedFull", { rows: n(data.figures?.rows) });
      case "UNDONE":
        return audience === "customer" ? tr("event.customerUndone") : tr("event.undone", { rows: n(data.figures?.rows) });
      case "RUN_FAILED": {
        const failure = failureOf(event.data);
        return failure && tr("failedBecause", { reason: tr(`reason.${failure.reason}`, { table: failure.table ?? "" }) });
      }
      default:
        return null;
    }
  };

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
          {runSummary(event) && <p className="mt-1 text-sm text-slate-700">{runSummary(event)}</p>}
          {!!event.attachments?.length && (
            <ul className="mt-3 flex flex-wrap gap-3" aria-label={t("attachments")}>
              {event.attachments.map((file) => {
                const href = `/api/tickets/${ticketNumber}/attachments/${file.id}`;
                const label = `${file.fileName} · ${formatBytes(file.sizeBytes, locale)}`;
                if (file.removedAt) {
                  return (
                    <li key={file.id} className="max-w-full rounded-md border border-dashed border-slate-300 px-3 py-2 text-xs text-slate-500">
                      <span className="break-all">{file.fileName}</span> — {t("attachmentRemoved")}
                    </li>
                  );
                }
                return (
                  <li key={file.id} className="max-w-full">
                    {isShownInline(file.type) ? (
                      <a href={href} target="_blank" rel="noopener" className="block rounded-md border border-slate-200 bg-white p-1 hover:border-brand-300" title={label}>
                        {/* eslint-disable-next-line @next/next/no-img-element -- a private, tenant-checked file: next/image would proxy and cache it */}
                        <img src={href} alt={file.fileName} loading="lazy" className="h-28 max-w-60 rounded object-contain" />
                        <span className="mt-1 block max-w-60 truncate px-1 text-xs text-slate-600">{label}</span>
                      </a>
                    ) : (
                      <a href={href} download={downloadName(file.fileName, file.type)} className="flex max-w-72 items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-brand-700 hover:border-brand-300">
                        <span aria-hidden className="rounded bg-red-50 px-1.5 py-0.5 text-[10px] font-semibold text-red-700">PDF</span>
                        <span className="min-w-0 truncate" title={label}>{label}</span>
                      </a>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
