"use client";

import { useEffect, useRef, useState } from "react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { failureOf, type RunView } from "@/lib/restore/run-view-model";
import { formatBytes } from "@/lib/format/bytes";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { runStatusTone } from "@/components/restore/run-status-tone";

const POLL_MS = 1000;
const STEPS: Record<RunView["kind"], string[]> = {
  FULL_RESTORE: ["SAFETY_SNAPSHOT", "REPLACING", "VERIFYING"],
  SELECTIVE_RESTORE: ["SAFETY_SNAPSHOT", "REPLACING", "VERIFYING"],
  UNDO: ["SAFETY_SNAPSHOT", "REPLACING", "VERIFYING"],
  CSV_EXPORT: ["EXPORTING"],
};

/** "0.8 s" / "0,8 s", "42 s", "2 min 5 s": in the reader's number format, tenths only under ten seconds. */
function duration(ms: number, format: ReturnType<typeof useFormatter>): string {
  const unit = (value: number, unit: "second" | "minute", digits = 0) => format.number(value, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: digits });
  if (ms < 10_000) return unit(Math.max(0, ms) / 1000, "second", 1);
  const s = Math.round(ms / 1000);
  return s < 60 ? unit(s, "second") : `${unit(Math.floor(s / 60), "minute")} ${unit(s % 60, "second")}`;
}

/** Polls the run while it runs; when it ends, the whole page refreshes (status, timeline, buttons). */
function useLiveRun(ticketNumber: string, initial: RunView) {
  const router = useRouter();
  const [run, setRun] = useState(initial);
  const wasRunning = useRef(initial.status === "RUNNING");
  useEffect(() => setRun(initial), [initial]);
  useEffect(() => {
    if (run.status !== "RUNNING") return;
    let stopped = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/tickets/${ticketNumber}/run`, { cache: "no-store" }).catch(() => null);
      if (stopped || !response?.ok) return;
      const { run: latest } = (await response.json()) as { run: RunView | null };
      if (latest && !stopped) setRun(latest);
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [run.status, ticketNumber]);
  useEffect(() => {
    if (wasRunning.current && run.status !== "RUNNING") router.refresh();
    wasRunning.current = run.status === "RUNNING";
  }, [run.status, router]);
  return run;
}

type Props = { ticketNumber: string; run: RunView; audience: "support" | "customer"; undoDeadline?: string | null };

/** The ticket's latest run: live progress while it runs, then its outcome (and the CSV download). */
export function RunPanel({ ticketNumber, run: initial, audience, undoDeadline }: Props) {
  const t = useTranslations("run");
  const tt = useTranslations("tables");
  const format = useFormatter();
  const run = useLiveRun(ticketNumber, initial);
  const now = useNow({ updateInterval: run.status === "RUNNING" ? 1000 : 60_000 });
  const started = new Date(run.startedAt);
  const steps = STEPS[run.kind];
  const step = Math.max(0, steps.indexOf(run.phase ?? ""));
  const percent = run.rowsTotal > 0 ? Math.min(100, Math.round((run.rowsDone / run.rowsTotal) * 100)) : 0;
  const figures = (run.figures ?? {}) as Record<string, number>;
  const tone = runStatusTone(run.status);
  // Customers are told what a safety snapshot is for, not its name.
  const phaseLabel = audience === "customer" && run.phase === "SAFETY_SNAPSHOT" ? t("customerSafetySnapshot") : t(`phase.${run.phase ?? "QUEUED"}`);

  return (
    <Card>
      <CardHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {t(`kind.${run.kind}`)}
            <Badge tone={tone}>{t(`runStatus.${run.status}`)}</Badge>
          </span>
        }
        description={t("started", { time: format.dateTime(started, { dateStyle: "medium", timeStyle: "short" }) })}
      />
      <CardBody className="space-y-3 text-sm">
        {run.status === "RUNNING" && (
          <div aria-live="polite" className="space-y-2" data-testid="run-progress">
            {audience === "customer" && <p className="text-slate-700">{t("customerRunning")}</p>}
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-medium">
                {phaseLabel}
                {steps.length > 1 && <span className="ml-2 font-normal text-slate-500">{t("phaseStep", { step: step + 1, steps: steps.length })}</span>}
              </p>
              <p className="tabular-nums text-slate-600">{t("elapsed", { time: duration(now.getTime() - started.getTime(), format) })}</p>
            </div>
            <div
              className="h-2.5 w-full overflow-hidden rounded-full bg-slate-100"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-label={phaseLabel}
            >
              <div className="h-full rounded-full bg-brand-600 transition-[width] duration-500" style={{ width: `${percent}%` }} />
            </div>
            {audience === "support" ? (
              <p className="tabular-nums text-slate-600">
                {run.table && `${t("table", { table: tt.has(run.table) ? tt(run.table) : run.table })} · `}
                {t("rows", { done: run.rowsDone, total: run.rowsTotal })}
              </p>
            ) : (
              <p className="tabular-nums text-slate-600">{t("percent", { percent })}</p>
            )}
          </div>
        )}

        {run.status === "SUCCEEDED" && (
          <div className="space-y-2">
            <p>
              {run.kind === "CSV_EXPORT"
                ? t("csvDone", {
                    rows: figures.rows ?? 0,
                    contacts: run.csvFile?.rowCounts.contact ?? 0,
                    companies: run.csvFile?.rowCounts.company ?? 0,
                    deals: run.csvFile?.rowCounts.deal ?? 0,
                    leads: run.csvFile?.rowCounts.lead ?? 0,
                  })
                : audience === "customer"
                  ? t(run.kind === "UNDO" ? "customerUndoDone" : run.kind === "SELECTIVE_RESTORE" ? "customerSelectiveDone" : "customerFullDone")
                  : t(run.kind === "UNDO" ? "undoDone" : run.kind === "SELECTIVE_RESTORE" ? "selectiveDone" : "fullDone", {
                    rows: figures.rows ?? 0,
                    tables: Object.keys((run.figures?.tables as object) ?? {}).length,
                    deleted: figures.deleted ?? 0,
                    inserted: figures.inserted ?? 0,
                  })}
            </p>
            {run.finishedAt && <p className="text-slate-500">{t("took", { time: duration(new Date(run.finishedAt).getTime() - started.getTime(), format) })}</p>}
            {undoDeadline && <p className="text-slate-600">{t("undoUntil", { deadline: format.dateTime(new Date(undoDeadline), { dateStyle: "medium", timeStyle: "short" }) })}</p>}
            {run.csvFile && <CsvDownload ticketNumber={ticketNumber} file={run.csvFile} now={now} audience={audience} />}
          </div>
        )}

        {run.status === "FAILED" && (
          <Alert tone="danger">
            {audience === "customer" ? (
              <p>{t("customerFailed")}</p>
            ) : (
              <>
                <p>{t("failedBecause", { reason: failureText(t, run) })}</p>
                {run.error && <p className="break-words font-mono text-xs">{t("technical", { detail: run.error })}</p>}
              </>
            )}
          </Alert>
        )}
      </CardBody>
    </Card>
  );
}

function failureText(t: ReturnType<typeof useTranslations<"run">>, run: RunView): string {
  const failure = failureOf(run.figures);
  return t(`reason.${failure?.reason ?? "UNEXPECTED"}`, { table: failure?.table ?? "" });
}

function CsvDownload({ ticketNumber, file, now, audience }: { ticketNumber: string; file: NonNullable<RunView["csvFile"]>; now: Date; audience: Props["audience"] }) {
  const t = useTranslations("run");
  const format = useFormatter();
  const expires = new Date(file.expiresAt);
  const when = format.dateTime(expires, { dateStyle: "medium", timeStyle: "short" });
  if (expires.getTime() < now.getTime()) return <p className="text-slate-600">{t("fileExpired", { expires: when })}</p>;
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-3">
      <a
        href={`/api/tickets/${ticketNumber}/csv`}
        download={file.fileName}
        className="inline-flex items-center gap-2 rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        {t("download")}
      </a>
      <p className="text-slate-600">{t("fileFacts", { name: file.fileName, size: formatBytes(file.sizeBytes), expires: when })}</p>
      {audience === "support" && <p className="break-all font-mono text-xs text-slate-500">{t("sha256", { hash: file.sha256 })}</p>}
      <p className="text-slate-600">
        {t("importHint")}{" "}
        {audience === "customer" && (
          <Link href="/crm/import" className="font-medium text-brand-700 hover:underline">
            {t("importLink")}
          </Link>
        )}
      </p>
    </div>
  );
}
