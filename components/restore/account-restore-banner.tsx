import { getFormatter, getTranslations } from "next-intl/server";
import type { AccountRestoreNotice } from "@/lib/restore/run-view";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import { Alert } from "@/components/ui/alert";
import { AutoRefresh } from "@/components/ui/auto-refresh";

/**
 * Shown to every user of an account (admin and members) on every page: a
 * full restore running now — the data is read-only — or, for a day, how the
 * last one ended.
 */
export async function AccountRestoreBanner({ notice }: { notice: AccountRestoreNotice }) {
  const t = await getTranslations("banner");
  const format = await getFormatter();
  const number = formatTicketNumber(notice.ticketNumber);
  if (notice.state === "running") {
    return (
      <div className="mb-6" data-testid="restore-banner">
        <Alert tone="warning" title={t(notice.kind === "UNDO" ? "runningUndo" : notice.readOnly ? "running" : "runningBesideWork", { number })} />
        <AutoRefresh everyMs={3000} />
      </div>
    );
  }
  const time = format.dateTime(notice.finishedAt, { dateStyle: "medium", timeStyle: "short" });
  const message =
    notice.status === "FAILED"
      ? t("failed", { number, time })
      : notice.kind === "UNDO"
        ? t("undone", { number, time })
        : t(notice.kind === "SELECTIVE_RESTORE" ? "succeededSelective" : "succeeded", { number, time, date: format.dateTime(notice.restoreDate, { dateStyle: "long", timeZone: "UTC" }) });
  return (
    <div className="mb-6" data-testid="restore-banner">
      <Alert tone={notice.status === "FAILED" ? "danger" : "success"} title={message} />
    </div>
  );
}
