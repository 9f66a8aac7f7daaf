import { getFormatter, getTranslations } from "next-intl/server";
import type { SelectionView } from "@/lib/selective-restore/get-selection-view";
import type { PreviewFigures } from "@/lib/preview/preview-figures";
import { ACCOUNT_TABLE_KEYS } from "@/lib/account-data/tables";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/** A selective restore's what and how, what it would change as seen when filing, and — after it ran — the links it left empty. */
export async function SelectionSummary({ view, requested }: { view: SelectionView; requested: PreviewFigures | null }) {
  const t = await getTranslations("selection");
  const tt = await getTranslations("tables");
  const tm = await getTranslations("requestForm.selective.mode");
  const tb = await getTranslations("requestForm.preview.bucket");
  const tf = await getTranslations("fields");
  const format = await getFormatter();
  const what =
    view.types.length > 0
      ? format.list(view.types.map((type) => tt(type)))
      : t("picked", { count: view.pickedTotal, list: format.list(view.picked.map((p) => p.label)) + (view.pickedTotal > view.picked.length ? " …" : "") });
  const changed = requested ? ACCOUNT_TABLE_KEYS.filter((key) => requested[key] && requested[key].delete + requested[key].bringBack + requested[key].revert > 0) : [];
  return (
    <div data-testid="selection-summary">
    <Card>
      <CardHeader title={t("title")} />
      <CardBody className="space-y-3 text-sm text-slate-800">
        <p className="break-words">
          <span className="font-medium">{what}</span> · {t(view.withRelated ? "withRelated" : "withoutRelated")}
        </p>
        <p>{tm(`${view.mode}.label`)}</p>
        {requested && (
          <div>
            <p className="mb-1 font-medium text-slate-700">{t("requestedTitle")}</p>
            {changed.length === 0 ? (
              <p className="text-slate-600">{t("requestedNothing")}</p>
            ) : (
              <ul className="space-y-0.5">
                {changed.map((key) => (
                  <li key={key}>
                    {tt(key)}:{" "}
                    {(["bringBack", "revert", "delete"] as const)
                      .filter((bucket) => requested[key][bucket] > 0)
                      .map((bucket) => tb(bucket, { count: requested[key][bucket] }))
                      .join(", ")}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {view.emptiedTotal > 0 && (
          <div>
            <p className="mb-1 font-medium text-slate-700">{t("emptiedTitle")}</p>
            <p className="text-slate-600">{t("emptiedIntro", { count: view.emptiedTotal })}</p>
            <ul className="list-disc pl-5">
              {view.emptied.map((link, i) => (
                <li key={i} className="break-words">
                  {t("emptied", { record: link.label, field: tf(link.field) })}
                </li>
              ))}
            </ul>
            {view.emptiedTotal > view.emptied.length && <p className="text-slate-600">{t("emptiedMore", { count: view.emptiedTotal - view.emptied.length })}</p>}
          </div>
        )}
      </CardBody>
    </Card>
    </div>
  );
}
