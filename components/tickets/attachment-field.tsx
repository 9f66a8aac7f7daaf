"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_MESSAGE } from "@/lib/attachments/attachment-rules";
import { formatBytes } from "@/lib/format/bytes";
import { cn } from "@/components/ui/cn";

type Upload = { key: string; name: string; size: number } & ({ state: "uploading" } | { state: "done"; id: string } | { state: "failed"; message: string });

const ACCEPT = "image/png,image/jpeg,image/webp,application/pdf";

/**
 * Files for a reply or note: each is uploaded as soon as it is chosen
 * (streamed to the server, checked there by its content) and sent with the
 * message as `attachmentId` fields. `clearKey` changes after a sent message.
 */
export function AttachmentField({
  ticketNumber,
  waiting,
  clearKey,
  onBusyChange,
}: {
  ticketNumber: string;
  /** Uploads of this person not sent yet (a reload, a refused message): shown again, to send or remove. */
  waiting: { id: string; fileName: string; sizeBytes: number }[];
  clearKey: number;
  onBusyChange: (busy: boolean) => void;
}) {
  const t = useTranslations("attachments");
  const locale = useLocale();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>(() => waiting.map((w) => ({ key: w.id, name: w.fileName, size: w.sizeBytes, state: "done", id: w.id })));
  const inFlight = useRef(new Map<string, AbortController>());
  const busy = uploads.some((u) => u.state === "uploading");

  // After a sent message (not on the first render: the waiting uploads stay).
  const firstClearKey = useRef(clearKey);
  useEffect(() => {
    if (clearKey !== firstClearKey.current) setUploads([]);
  }, [clearKey]);
  useEffect(() => onBusyChange(busy), [busy, onBusyChange]);

  const update = (key: string, next: Partial<Upload>) => setUploads((all) => all.map((u) => (u.key === key ? ({ ...u, ...next } as Upload) : u)));

  async function upload(file: File, key: string) {
    const abort = new AbortController();
    inFlight.current.set(key, abort);
    try {
      const response = await fetch(`/api/tickets/${ticketNumber}/attachments`, {
        method: "POST",
        headers: { "X-File-Name": encodeURIComponent(file.name), "Content-Type": "application/octet-stream" },
        body: file,
        signal: abort.signal,
      });
      const answer = (await response.json().catch(() => ({}))) as { id?: string; message?: string };
      if (response.ok && answer.id) update(key, { state: "done", id: answer.id });
      else update(key, { state: "failed", message: answer.message ?? t("failed") });
    } catch {
      update(key, { state: "failed", message: t("failed") });
    } finally {
      inFlight.current.delete(key);
    }
  }

  function choose(files: FileList | null) {
    if (!files) return;
    let room = ATTACHMENTS_PER_MESSAGE - uploads.filter((u) => u.state !== "failed").length;
    const added: Upload[] = [];
    for (const file of Array.from(files)) {
      const key = crypto.randomUUID();
      const base = { key, name: file.name, size: file.size };
      // Refusals the browser can tell at once; the server checks everything again.
      if (room <= 0) added.push({ ...base, state: "failed", message: t("tooMany", { max: ATTACHMENTS_PER_MESSAGE }) });
      else if (file.size > ATTACHMENT_MAX_BYTES) added.push({ ...base, state: "failed", message: t("tooLarge") });
      else if (file.size === 0) added.push({ ...base, state: "failed", message: t("empty") });
      else {
        room -= 1;
        added.push({ ...base, state: "uploading" });
        void upload(file, key);
      }
    }
    setUploads((all) => [...all, ...added]);
    if (input.current) input.current.value = "";
  }

  function remove(item: Upload) {
    setUploads((all) => all.filter((u) => u.key !== item.key));
    // Still on its way: stopped, and the server keeps nothing of it.
    inFlight.current.get(item.key)?.abort();
    if (item.state === "done") void fetch(`/api/tickets/${ticketNumber}/attachments/${item.id}`, { method: "DELETE" });
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <label
          htmlFor={inputId}
          className="inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-within:ring-2 focus-within:ring-brand-500"
        >
          <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="size-4 text-slate-500">
            <path d="M13.5 6.5 7.9 12.1a1.6 1.6 0 0 0 2.3 2.3l6-6a3.2 3.2 0 0 0-4.5-4.5l-6.2 6.2a4.8 4.8 0 0 0 6.8 6.8l5.2-5.2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {t("attach")}
        </label>
        <input ref={input} id={inputId} type="file" multiple accept={ACCEPT} className="sr-only" onChange={(e) => choose(e.target.files)} data-testid="attachment-input" />
        <span className="text-xs text-slate-500">{t("hint", { max: ATTACHMENTS_PER_MESSAGE })}</span>
      </div>
      {uploads.length > 0 && (
        <ul className="space-y-1" aria-label={t("chosen")} aria-live="polite">
          {uploads.map((item) => (
            <li key={item.key} className={cn("flex items-start gap-2 rounded-md border px-2 py-1.5 text-sm", item.state === "failed" ? "border-red-200 bg-red-50" : "border-slate-200 bg-white")}>
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium text-slate-800">{item.name}</span>
                <span className={cn("block text-xs", item.state === "failed" ? "text-red-700" : "text-slate-500")}>
                  {item.state === "failed" ? item.message : `${formatBytes(item.size, locale)} · ${item.state === "uploading" ? t("uploading") : t("ready")}`}
                </span>
              </span>
              {item.state === "done" && <input type="hidden" name="attachmentId" value={item.id} />}
              <button type="button" onClick={() => remove(item)} className="rounded px-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800" aria-label={t("remove", { name: item.name })}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
