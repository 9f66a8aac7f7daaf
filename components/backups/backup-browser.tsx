import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { BackupSearchResult, BackupRecordStatus } from "@/lib/backups/search-backup";
import type { TBackupSearchInput } from "@/lib/backups/backup-search.schema";
import { PICKABLE_TYPES } from "@/lib/selective-restore/selection";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";

const STATUS_TONE: Record<BackupRecordStatus, BadgeTone> = { DELETED: "danger", CHANGED: "warning", UNCHANGED: "muted" };

export async function BackupRecordStatusBadge({ status }: { status: BackupRecordStatus }) {
  const t = await getTranslations("backups.status");
  return <Badge tone={STATUS_TONE[status]}>{t(status)}</Badge>;
}

/**
 * **Search this backup** and its results. `basePath` is the browser's own
 * address (the customer's or support's); with `restoreAction` the results
 * have checkboxes and **Restore selected records**, a plain GET to the
 * request form.
 */
export async function BackupBrowser({
  basePath,
  backupId,
  input,
  result,
  restoreAction,
}: {
  basePath: string;
  backupId: string;
  input: TBackupSearchInput;
  result: BackupSearchResult;
  restoreAction?: string;
}) {
  const t = await getTranslations("backups.search");
  const tt = await getTranslations("tables");
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageHref = (page: number) => {
    const params = new URLSearchParams({ q: input.query, status: input.status, page: String(page) });
    if (input.type) params.set("type", input.type);
    return `${basePath}?${params}`;
  };
  const searched = input.query.trim() !== "" || input.status !== "ALL";
  const hits = (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="backup-hits">
      {result.hits.map((hit) => (
        <li key={hit.id} className="flex items-start gap-3 px-4 py-3">
          {restoreAction && (
            <input
              type="checkbox"
              name="record"
              value={`${hit.type}:${hit.id}`}
              aria-label={t("pick", { name: hit.label })}
              className="mt-1 size-4 shrink-0 accent-brand-600"
            />
          )}
          <div className="min-w-0 flex-1">
            <Link href={`${basePath}/${hit.type}/${hit.id}`} className="font-medium break-words text-brand-700 hover:underline">
              {hit.label}
            </Link>
            <p className="text-sm break-words text-slate-600">
              {tt(hit.type)}
              {hit.detail ? ` · ${hit.detail}` : ""}
            </p>
          </div>
          <BackupRecordStatusBadge status={hit.status} />
        </li>
      ))}
    </ul>
  );
  return (
    <div className="space-y-4">
      <form method="get" action={basePath} className="flex flex-wrap items-end gap-3" role="search">
        <label className="min-w-56 flex-1 text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("label")}</span>
          <Input type="search" name="q" defaultValue={input.query} placeholder={t("placeholder")} maxLength={200} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("type")}</span>
          <Select name="type" defaultValue={input.type ?? ""} className="w-40">
            <option value="">{t("allTypes")}</option>
            {PICKABLE_TYPES.map((type) => (
              <option key={type} value={type}>
                {tt(type)}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("show")}</span>
          <Select name="status" defaultValue={input.status} className="w-44">
            <option value="ALL">{t("statusAll")}</option>
            <option value="DELETED">{t("statusDeleted")}</option>
            <option value="CHANGED">{t("statusChanged")}</option>
          </Select>
        </label>
        <Button type="submit">{t("submit")}</Button>
      </form>

      {!searched ? (
        <p className="text-sm text-slate-600">{t("hint")}</p>
      ) : result.total === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("found", { count: result.total })}</p>
          {restoreAction ? (
            <form method="get" action={restoreAction} className="space-y-3">
              <input type="hidden" name="backup" value={backupId} />
              {hits}
              <Button type="submit">{t("restoreSelected")}</Button>
            </form>
          ) : (
            hits
          )}
          {pages > 1 && (
            <nav className="flex flex-wrap items-center gap-3 text-sm" aria-label={t("pages")}>
              {input.page > 1 && (
                <Link href={pageHref(input.page - 1)} className="text-brand-700 hover:underline">
                  ← {t("previous")}
                </Link>
              )}
              <span className="text-slate-600">{t("page", { page: input.page, pages })}</span>
              {input.page < pages && (
                <Link href={pageHref(input.page + 1)} className="text-brand-700 hover:underline">
                  {t("next")} →
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </div>
  );
}
