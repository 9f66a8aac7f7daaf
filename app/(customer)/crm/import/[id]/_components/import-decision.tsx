"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { applyImportAction, discardImportAction } from "@/app/(customer)/crm/import/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Import (all of it, in one step) or discard a previewed file. */
export function ImportDecision({ id, toWrite, blocked }: { id: string; toWrite: number; blocked: boolean }) {
  const t = useTranslations("crmImport");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const act = (call: () => Promise<{ ok: boolean; message?: string }>) =>
    startTransition(async () => {
      const result = await call();
      if (result.ok) router.refresh();
      else setError(result.message ?? null);
    });
  return (
    <div className="space-y-3">
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="flex flex-wrap gap-2">
        {!blocked && toWrite > 0 && (
          <Button disabled={pending} onClick={() => act(() => applyImportAction({ id }))}>
            {pending ? t("importing") : t("confirm", { count: toWrite })}
          </Button>
        )}
        <Button variant="secondary" disabled={pending} onClick={() => act(() => discardImportAction({ id }))}>
          {t("discard")}
        </Button>
      </div>
    </div>
  );
}
