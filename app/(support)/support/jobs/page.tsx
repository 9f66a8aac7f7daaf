import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor, SUPPORT_ROLES } from "@/lib/auth/session";
import { getJobQueueView } from "@/lib/jobs/get-job-queue-view";
import { JOB_STATES, type JobState } from "@/lib/jobs/job-state";
import { pageTitle } from "@/lib/i18n/page-title";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { EmptyState, Table, Td, Th, Tr } from "@/components/ui/table";

export const generateMetadata = pageTitle("jobs");

const TONE: Record<JobState, BadgeTone> = { RUNNING: "info", WAITING: "neutral", SCHEDULED: "muted", RETRYING: "warning", FAILED: "danger" };

/** The job queue, read-only: what runs, waits, retries or failed (restores, exports, emails, backups, warnings). */
export default async function JobsPage() {
  await requireActor(SUPPORT_ROLES, "/support/jobs");
  const now = new Date();
  const [view, t, format] = await Promise.all([getJobQueueView({ now }), getTranslations("jobs"), getFormatter()]);
  const taskName = (task: string) => (t.has(`tasks.${task}`) ? t(`tasks.${task}`) : task);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-4">
      <AutoRefresh everyMs={5000} />
      <PageHeader title={t("title")} description={t("intro")} />
      <dl className="grid grid-cols-3 gap-2 sm:grid-cols-5 sm:gap-3" aria-label={t("summary")}>
        {JOB_STATES.map((state) => (
          <div key={state} className="rounded-lg border border-slate-200 bg-white px-3 py-2 sm:px-4 sm:py-3">
            <dt className="text-sm text-slate-600">{t(`states.${state}`)}</dt>
            <dd className="text-2xl font-semibold tabular-nums text-slate-900" data-testid={`jobs-${state}`}>
              {view.counts[state]}
            </dd>
          </div>
        ))}
      </dl>
      {view.truncated && <p className="text-sm text-amber-800">{t("truncated")}</p>}
      <Card>
        <CardHeader title={t("byKind")} />
        {view.tasks.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("job")}</Th>
                <Th>{t("state")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {view.tasks.map((task) => (
                <Tr key={task.task}>
                  <Td className="font-medium">{taskName(task.task)}</Td>
                  <Td>
                    <span className="flex flex-wrap gap-1">
                      {JOB_STATES.filter((s) => task.counts[s] > 0).map((s) => (
                        <Badge key={s} tone={TONE[s]}>
                          {t("stateCount", { state: t(`states.${s}`), count: task.counts[s] })}
                        </Badge>
                      ))}
                    </span>
                    {task.nextRunAt && <span className="mt-1 block text-xs text-slate-500">{t("nextDue", { time: when(task.nextRunAt) })}</span>}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card>
        <CardHeader title={t("attention")} description={t("attentionIntro")} />
        {view.attention.length === 0 ? (
          <EmptyState title={t("nothingNeedsAttention")} />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("job")}</Th>
                <Th>{t("details")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {view.attention.map((job) => (
                <Tr key={job.id}>
                  <Td className="w-2/5">
                    <span className="block font-medium">{taskName(job.task)}</span>
                    {job.key && <span className="block text-xs break-all text-slate-500">{job.key}</span>}
                    <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1">
                      <Badge tone={TONE[job.state]}>{t(`states.${job.state}`)}</Badge>
                      <span className="text-xs text-slate-500">{t("attempts", { attempts: job.attempts, max: job.maxAttempts })}</span>
                    </span>
                  </Td>
                  <Td className="text-sm">
                    {job.state === "RUNNING" ? (
                      <span className="text-slate-700">{t("runningSince", { worker: job.lockedBy ?? "?", time: when(job.lockedAt!) })}</span>
                    ) : (
                      <>
                        {/* The error as the worker recorded it: a system message, not translated. */}
                        <span className="block text-xs text-slate-500">{t("recordedError")}</span>
                        <code lang="en" className="block font-mono text-xs break-words text-red-800">
                          {job.lastError}
                        </code>
                        <span className="mt-1 block text-xs text-slate-500">
                          {job.state === "RETRYING" ? t("nextTry", { time: when(job.runAt) }) : t("failedAt", { time: when(job.updatedAt) })}
                        </span>
                      </>
                    )}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
