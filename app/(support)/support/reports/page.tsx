import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor, SUPPORT_ROLES } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { getWeeklyTimersReport } from "@/lib/reports/get-weekly-timers-report";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { WeeklyTimersTable } from "@/components/support/weekly-timers-table";

export const generateMetadata = pageTitle("supportReports");

const DAY_MS = 24 * 60 * 60 * 1000;

/** How fast support answers and resolves, week by week. */
export default async function SupportReportsPage() {
  await requireActor(SUPPORT_ROLES, "/support/reports");
  const [weeks, t, format] = await Promise.all([getWeeklyTimersReport(), getTranslations("reports"), getFormatter()]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        <CardHeader title={t("weekly.title")} description={t("weekly.hint")} />
        <WeeklyTimersTable
          weeks={weeks.map((week) => ({
            ...week,
            // Monday to Sunday, as the reader writes dates.
            label: format.dateTimeRange(week.weekStart, new Date(week.weekStart.getTime() + 6 * DAY_MS), { day: "numeric", month: "short", timeZone: "UTC" }),
          }))}
        />
      </Card>
    </div>
  );
}
