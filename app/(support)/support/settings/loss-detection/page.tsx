import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor, SUPPORT_ROLES } from "@/lib/auth/session";
import { getLossDetectionSettings } from "@/lib/loss-alerts/get-loss-detection-settings";
import type { LossThresholds } from "@/lib/loss-alerts/loss-rules";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { LossThresholdsForm } from "@/app/(support)/support/settings/loss-detection/_components/loss-thresholds-form";
import { ActionButton } from "@/components/ui/action-button";
import { removeLossThresholdsAction } from "@/app/(support)/support/settings/loss-detection/actions";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("lossDetection");

export default async function LossDetectionSettingsPage() {
  await requireActor(SUPPORT_ROLES, "/support/settings/loss-detection");
  const [{ defaults, overrides, scopes }, t, format] = await Promise.all([getLossDetectionSettings({}), getTranslations("lossAlerts.settings"), getFormatter()]);
  const rule = (th: LossThresholds) =>
    t("rule", {
      share: format.number(th.sharePercent),
      min: format.number(th.minRecords),
      any: format.number(th.anyRecords),
      product: format.number(th.productSharePercent),
      custom: th.customFieldAny ? t("yes") : t("no"),
      size: format.number(th.minTypeSize),
    });
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        <CardHeader title={t("defaultsTitle")} />
        <CardBody>
          <p className="text-sm text-slate-700" data-testid="loss-defaults">
            {rule(defaults)}
          </p>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("overridesTitle")} />
        <CardBody>
          {overrides.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noOverrides")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="loss-overrides">
              {overrides.map((o) => (
                <li key={o.scope} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0 text-sm">
                    <p className="font-medium text-slate-900">
                      {t(o.kind === "plan" ? "planPrefix" : "accountPrefix")}: {o.name}
                    </p>
                    <p className="text-slate-700">{rule(o.thresholds)}</p>
                    <p className="text-xs text-slate-500">{t("updated", { date: format.dateTime(new Date(o.updatedAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
                  </div>
                  <ActionButton action={removeLossThresholdsAction.bind(null, { scope: o.scope })} variant="ghost">
                    {t("remove")}
                  </ActionButton>
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("editTitle")} />
        <CardBody>
          <LossThresholdsForm scopes={scopes} defaults={defaults} current={Object.fromEntries(overrides.map((o) => [o.scope, o.thresholds]))} />
        </CardBody>
      </Card>
    </div>
  );
}
