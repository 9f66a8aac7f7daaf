import { getFormatter, getTranslations } from "next-intl/server";
import { failureOf, type RunView } from "@/lib/restore/run-view-model";
import { Badge } from "@/components/ui/badge";
import { runStatusTone } from "@/components/restore/run-status-tone";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/** Earlier runs of a ticket (failed attempts, the restore an undo reversed), newest first. */
export async function RunHistory({ runs }: { runs: RunView[] }) {
  const t = await getTranslations("run");
  const format = await getFormatter();
  return (
    <Card>
      <CardHeader title={t("history")} />
      <CardBody>
        <ul className="divide-y divide-slate-100 text-sm">
          {runs.map((run) => {
            const failure = failureOf(run.figures);
            return (
              <li key={run.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <span className="font-medium">{t(`kind.${run.kind}`)}</span>
                <Badge tone={runStatusTone(run.status)}>{t(`runStatus.${run.status}`)}</Badge>
                <span className="text-slate-500">{format.dateTime(new Date(run.startedAt), { dateStyle: "medium", timeStyle: "short" })}</span>
                {failure && <span className="w-full text-slate-600">{t("failedBecause", { reason: t(`reason.${failure.reason}`, { table: failure.table ?? "" }) })}</span>}
              </li>
            );
          })}
        </ul>
      </CardBody>
    </Card>
  );
}
