import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getImportView } from "@/lib/import/get-import-view";
import type { AppliedFigures } from "@/lib/import/apply-import";
import { IMPORT_ORDER } from "@/lib/import/import-figures";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { ImportDecision } from "@/app/(customer)/crm/import/[id]/_components/import-decision";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("importPreview");

const th = "py-2 pr-4 font-semibold";
const headRow = "border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500";

export default async function ImportPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(["ACCOUNT_ADMIN"], `/crm/import/${id}`);
  const view = await getImportView({ id, accountId: actor.accountId! });
  if (!view) notFound();
  const { draft, preview, presentNow: now } = view;
  const [t, format] = await Promise.all([getTranslations("crmImport"), getFormatter()]);
  const back = (
    <Link href="/crm/import" className="text-sm text-brand-700 hover:underline">
      ← {t("another")}
    </Link>
  );

  if (draft.status === "APPLIED") {
    const f = draft.figures as AppliedFigures;
    return (
      <div className="space-y-6">
        {back}
        <PageHeader title={t("appliedTitle", { file: draft.fileName })} description={t("appliedIntro", { when: format.dateTime(draft.appliedAt!, { dateStyle: "medium", timeStyle: "short" }) })} />
        <Card>
          <CardBody className="overflow-x-auto">
            <table className="w-full text-sm" aria-label={t("appliedTitle", { file: draft.fileName })}>
              <thead>
                <tr className={headRow}>
                  <th className={th}>{t("type")}</th>
                  <th className={`${th} text-right`}>{t("created")}</th>
                  <th className={`${th} text-right`}>{t("updated")}</th>
                  <th className={`${th} text-right`}>{t("skipped")}</th>
                </tr>
              </thead>
              <tbody>
                {IMPORT_ORDER.map((type) => (
                  <tr key={type} className="border-b border-slate-100">
                    <td className="py-2 pr-4">{t(`types.${type}`)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums font-medium">{format.number(f[type].created)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{format.number(f[type].updated)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums text-slate-500">{format.number(f[type].skipped)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {f.linksDropped > 0 && <p className="mt-3 text-sm text-slate-600">{t("linksDropped", { count: f.linksDropped })}</p>}
          </CardBody>
        </Card>
        {preview && preview.sample.length > 0 && (
          <Card>
            <CardHeader title={t("nowInCrm")} />
            <CardBody>
              <ul className="space-y-1 text-sm">
                {preview.sample.map((s) => (
                  <li key={s.id} className="flex gap-2">
                    <span aria-hidden>{now.has(s.id) ? "✓" : "—"}</span>
                    <span className="text-slate-500">{t(`types.${s.type as "contact"}`)}</span>
                    <span>{s.label}</span>
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        )}
      </div>
    );
  }

  if (draft.status === "DISCARDED" || !preview) {
    return (
      <div className="space-y-6">
        {back}
        <PageHeader title={t("discardedTitle", { file: draft.fileName })} />
      </div>
    );
  }

  const overwrite = draft.mode === "OVERWRITE";
  const toWrite = preview.perType ? IMPORT_ORDER.reduce((n, type) => n + preview.perType![type].create + (overwrite ? preview.perType![type].differ : 0), 0) : 0;
  const blocked = !!preview.fileProblem || preview.problemCount > 0;
  return (
    <div className="space-y-6">
      {back}
      <PageHeader title={t("previewTitle", { file: draft.fileName })} description={t("previewIntro")} />
      <p className="break-all text-sm text-slate-600">
        {t("fileFacts", { rows: draft.rowCount, encoding: draft.encoding, delimiter: draft.delimiter, hash: draft.sha256.slice(0, 16) })} · {t(`modeName.${draft.mode}`)}
      </p>
      {draft.encoding !== "utf-8" && <Alert tone="info">{t("converted")}</Alert>}
      {preview.fileProblem && <Alert tone="danger" title={t(`fileProblem.${preview.fileProblem.reason as "EMPTY_FILE"}`, { line: preview.fileProblem.line ?? 1 })} />}

      {preview.perType && (
        <Card>
          <CardBody className="overflow-x-auto">
            <table className="w-full text-sm" aria-label={t("previewTitle", { file: draft.fileName })}>
              <thead>
                <tr className={headRow}>
                  <th className={th}>{t("type")}</th>
                  <th className={`${th} text-right`}>{t("rows")}</th>
                  <th className={`${th} text-right`}>{t("create")}</th>
                  <th className={`${th} text-right`}>{t("identical")}</th>
                  <th className={`${th} text-right`}>{overwrite ? t("differOverwrite") : t("differKept")}</th>
                </tr>
              </thead>
              <tbody>
                {IMPORT_ORDER.map((type) => {
                  const row = preview.perType![type];
                  return (
                    <tr key={type} className="border-b border-slate-100">
                      <td className="py-2 pr-4">{t(`types.${type}`)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{format.number(row.rows)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums font-semibold text-emerald-700">{format.number(row.create)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums text-slate-500">{format.number(row.identical)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{format.number(row.differ)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {preview.missingLinks > 0 && <p className="mt-3 text-sm text-slate-600">{t("links", { count: preview.missingLinks })}</p>}
          </CardBody>
        </Card>
      )}

      {preview.problemCount > 0 && (
        <Card>
          <CardHeader title={t("problemsTitle", { count: preview.problemCount })} description={`${t("problemsBlock")}${preview.problemCount > preview.problems.length ? ` ${t("problemsShown", { shown: preview.problems.length })}` : ""}`} />
          <CardBody className="overflow-x-auto">
            <table className="w-full text-sm" aria-label={t("problemsTitle", { count: preview.problemCount })}>
              <thead>
                <tr className={headRow}>
                  <th className={th}>{t("line")}</th>
                  <th className={th}>{t("column")}</th>
                  <th className={th}>{t("problem")}</th>
                  <th className={th}>{t("value")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.problems.map((p, i) => (
                  <tr key={i} className="border-b border-slate-100">
                    <td className="py-1.5 pr-4 tabular-nums">{p.line}</td>
                    <td className="py-1.5 pr-4 font-mono text-xs break-all">{p.column ?? "—"}</td>
                    <td className="py-1.5 pr-4">{t(`problemReason.${p.reason}`)}</td>
                    <td className="py-1.5 pr-4 break-all text-slate-600">{p.value ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardBody>
        </Card>
      )}

      {preview.sample.length > 0 && (
        <Card>
          <CardHeader title={t("sampleTitle")} />
          <CardBody className="overflow-x-auto">
            <table className="w-full text-sm" aria-label={t("sampleTitle")}>
              <thead>
                <tr className={headRow}>
                  <th className={th}>{t("line")}</th>
                  <th className={th}>{t("type")}</th>
                  <th className={th}>id</th>
                  <th className={th}>{t("name")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((s) => (
                  <tr key={s.line} className="border-b border-slate-100">
                    <td className="py-1.5 pr-4 tabular-nums">{s.line}</td>
                    <td className="py-1.5 pr-4">{t(`types.${s.type as "contact"}`)}</td>
                    <td className="py-1.5 pr-4 font-mono text-xs">{s.id}</td>
                    <td className="py-1.5 pr-4">{s.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardBody>
        </Card>
      )}

      {!preview.fileProblem && preview.problemCount === 0 && toWrite === 0 && <Alert tone="info">{t("nothingToDo")}</Alert>}
      <ImportDecision id={draft.id} toWrite={toWrite} blocked={blocked} />
    </div>
  );
}
