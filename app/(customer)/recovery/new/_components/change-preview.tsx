"use client";

import { useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { listRequestChangesAction, previewRequestAction } from "@/app/(customer)/recovery/new/actions";
import type { ChangeBucket } from "@/lib/selective-restore/change-buckets";
import type { ChangeRecordPage } from "@/lib/selective-restore/list-change-records";
import type { RequestPreviewView } from "@/lib/selective-restore/preview-restore-request";
import type { Selection } from "@/lib/selective-restore/selection";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { FieldTable } from "@/components/backups/field-table";

type Choice = { method: "FULL" | "SELECTIVE"; restoreDate: string; selection: Selection | null };
type Opened = { table: string; bucket: ChangeBucket };

/** The choice as the actions take it (the selection as JSON text), keyed by its content so a re-render with the same choices asks nothing. */
const choiceKey = (choice: Choice) => JSON.stringify({ ...choice, selection: choice.selection ? JSON.stringify(choice.selection) : undefined });

const BUCKETS: readonly ChangeBucket[] = ["bringBack", "revert", "delete"];
/** Waits for the admin to stop clicking before asking the server. */
const SETTLE_MS = 350;

/** What a restore with these choices would change, by data type, before the request is filed. */
export function ChangePreview({ choice, timeZone }: { choice: Choice; timeZone: string }) {
  const t = useTranslations("requestForm.preview");
  const tt = useTranslations("tables");
  const format = useFormatter();
  const [view, setView] = useState<RequestPreviewView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [opened, setOpened] = useState<Opened | null>(null);
  const latest = useRef(0);
  const key = choiceKey(choice);

  useEffect(() => {
    const call = ++latest.current;
    setLoading(true);
    const timer = setTimeout(async () => {
      const result = await previewRequestAction(JSON.parse(key));
      if (call !== latest.current) return;
      setLoading(false);
      if (result.ok) {
        setView(result.data);
        setError(null);
      } else setError(result.message);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [key]);

  // "Sun, Nov 29, 2:00 AM" — the time written as everywhere else on the form, in the account's time zone.
  const takenAt = view && new Date(view.backupTakenAt);
  const cutoff =
    takenAt && `${format.dateTime(takenAt, { weekday: "short", day: "numeric", month: "short", timeZone })}, ${format.dateTime(takenAt, { timeStyle: "short", timeZone })}`;
  const mode = choice.method === "FULL" ? "FULL" : (choice.selection?.mode ?? "MISSING");
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="change-preview-title" data-testid="change-preview">
      <h2 id="change-preview-title" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h2>
      {cutoff && <p className="text-sm text-slate-700">{t(`cutoff.${mode}`, { when: cutoff })}</p>}
      {error && <Alert tone="danger">{error}</Alert>}
      {loading && !view && <p className="text-sm text-slate-500" aria-busy="true">{t("loading")}</p>}
      {view && (
        <div className={loading ? "opacity-60 transition-opacity" : undefined} aria-busy={loading}>
          {view.tables.length === 0 ? (
            <p className="text-sm text-slate-600">{t("nothing")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {view.tables.map((row) => (
                <li key={row.table} className="py-2">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <span className="min-w-28 text-sm font-medium text-slate-900">{tt(row.table)}</span>
                    {BUCKETS.filter((bucket) => row[bucket] > 0).map((bucket) => {
                      const isOpen = opened?.table === row.table && opened.bucket === bucket;
                      return (
                        <button
                          key={bucket}
                          type="button"
                          aria-expanded={isOpen}
                          onClick={() => setOpened(isOpen ? null : { table: row.table, bucket })}
                          className="rounded-full border border-slate-300 px-2.5 py-0.5 text-sm text-slate-800 hover:border-brand-500 aria-expanded:border-brand-500 aria-expanded:bg-brand-50"
                        >
                          {t(`bucket.${bucket}`, { count: row[bucket] })}
                        </button>
                      );
                    })}
                  </div>
                  {opened?.table === row.table && <ChangeList key={`${key}:${opened.bucket}`} choice={key} table={row.table} bucket={opened.bucket} />}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/** One list of records, searchable and paged, with a reverted record's fields side by side. */
function ChangeList({ choice, table, bucket }: { choice: string; table: string; bucket: ChangeBucket }) {
  const t = useTranslations("requestForm.preview");
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ChangeRecordPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const call = ++latest.current;
    const timer = setTimeout(async () => {
      const result = await listRequestChangesAction({ ...JSON.parse(choice), table, bucket, query, page });
      if (call !== latest.current) return;
      if (result.ok) {
        setData(result.data);
        setError(null);
      } else setError(result.message);
    }, query ? SETTLE_MS : 0);
    return () => clearTimeout(timer);
  }, [choice, table, bucket, query, page]);

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <div className="mt-2 space-y-2 rounded-md bg-slate-50 p-3" data-testid="change-list">
      <Input
        type="search"
        aria-label={t("search")}
        placeholder={t("search")}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setPage(1);
        }}
        maxLength={200}
      />
      {error && <Alert tone="danger">{error}</Alert>}
      {data && data.records.length === 0 && <p className="text-sm text-slate-600">{t("noMatch")}</p>}
      <ul className="space-y-1">
        {data?.records.map((record) => (
          <li key={record.id} className="text-sm break-words text-slate-800">
            {record.label}
            {record.detail && <span className="text-slate-500"> · {record.detail}</span>}
            {record.changes.length > 0 && (
              <FieldTable rows={record.changes} compact />
            )}
          </li>
        ))}
      </ul>
      {data && pages > 1 && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t("previous")}
          </Button>
          <span className="text-slate-600">{t("page", { page, pages })}</span>
          <Button size="sm" variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t("next")}
          </Button>
        </div>
      )}
    </div>
  );
}
