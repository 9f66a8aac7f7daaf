"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { cancelAction } from "@/app/(customer)/recovery/[number]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export function CancelRequestButton({ number, version }: { number: string; version: number }) {
  const t = useTranslations("ticket");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("cancel")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("cancelTitle")}>
        <p className="text-sm text-slate-700">{t("cancelBody")}</p>
        {error && (
          <Alert tone="danger" className="mt-3">
            {error}
          </Alert>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="ghost" onClick={() => setOpen(false)}>
            {t("keep")}
          </Button>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await cancelAction({ number, version });
                if (result.ok) setOpen(false);
                else setError(result.message);
              })
            }
          >
            {t("confirmCancel")}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
