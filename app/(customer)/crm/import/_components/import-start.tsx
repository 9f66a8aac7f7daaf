"use client";

import { useRef, useState, useTransition, type DragEvent } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { importTicketFileAction } from "@/app/(customer)/crm/import/actions";
import { formatBytes } from "@/lib/format/bytes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { RadioGroup } from "@/components/ui/radio-group";
import { cn } from "@/components/ui/cn";

export type TicketFile = { number: string; fileName: string; rows: number };

/** Choose a file (or a restore request's file) and a mode; the server reads it and shows the preview. */
export function ImportStart({ ticketFiles }: { ticketFiles: TicketFile[] }) {
  const t = useTranslations("crmImport");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState("ONLY_MISSING");
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function upload() {
    if (!file) return setError(t("fileLabel"));
    setError(null);
    startTransition(async () => {
      const response = await fetch(`/api/crm/import?mode=${mode}`, {
        method: "POST",
        headers: { "Content-Type": "text/csv", "X-File-Name": encodeURIComponent(file.name) },
        body: file,
      }).catch(() => null);
      const result = (await response?.json().catch(() => null)) as { id?: string; message?: string } | null;
      if (response?.ok && result?.id) router.push(`/crm/import/${result.id}`);
      else setError(result?.message ?? t("uploadTitle"));
    });
  }

  function fromTicket(number: string) {
    setError(null);
    startTransition(async () => {
      const result = await importTicketFileAction({ number, mode });
      if (result.ok) router.push(`/crm/import/${result.data.id}`);
      else setError(result.message);
    });
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };

  return (
    <div className="space-y-6">
      <RadioGroup
        name="mode"
        legend={t("mode")}
        value={mode}
        onChange={setMode}
        options={[
          { value: "ONLY_MISSING", label: t("modeOnlyMissing"), description: t("modeOnlyMissingHint") },
          { value: "OVERWRITE", label: t("modeOverwrite"), description: t("modeOverwriteHint") },
        ]}
      />
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("uploadTitle")} />
          <CardBody className="space-y-4">
            <label
              htmlFor="import-file"
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
              className={cn(
                "flex min-h-32 cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-4 py-6 text-center text-sm",
                dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-slate-50 hover:border-brand-400",
              )}
            >
              <span className="font-medium text-slate-800">{t("fileLabel")}</span>
              <span className="text-slate-600">{file ? t("chosen", { name: file.name, size: formatBytes(file.size) }) : t("dropHint")}</span>
              <input
                ref={input}
                id="import-file"
                type="file"
                accept=".csv,text/csv"
                className="sr-only"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </label>
            <Button onClick={upload} disabled={pending || !file}>
              {pending ? t("uploading") : t("upload")}
            </Button>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("fromTicket")} description={t("fromTicketHint")} />
          <CardBody>
            {ticketFiles.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noTicketFiles")}</p>
            ) : (
              <ul className="space-y-2">
                {ticketFiles.map((f) => (
                  <li key={f.number} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm">
                    <span className="min-w-0 break-all text-slate-700">{f.fileName}</span>
                    <Button variant="secondary" size="sm" disabled={pending} onClick={() => fromTicket(f.number)}>
                      {t("importFromTicket", { number: f.number })}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
