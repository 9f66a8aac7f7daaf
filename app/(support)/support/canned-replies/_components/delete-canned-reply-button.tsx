"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteCannedReplyAction } from "@/app/(support)/support/canned-replies/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";

/** Delete, after a confirmation that names the reply. */
export function DeleteCannedReplyButton({ id, title }: { id: string; title: string }) {
  const t = useTranslations("cannedReplies");
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const remove = () =>
    startTransition(async () => {
      const result = await deleteCannedReplyAction({ id });
      if (result.ok) {
        setOpen(false);
        toast.show(t("deleted"));
        router.refresh();
      } else setError(result.message);
    });
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        aria-label={t("deleteNamed", { title })}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {t("delete")}
      </Button>
      {/* Mounted while open only: a list of replies would otherwise hold a closed dialog per row. */}
      {open && (
        <Dialog open onClose={() => setOpen(false)} title={t("deleteTitle", { title })}>
          <div className="space-y-4">
            <p className="text-sm text-slate-700">{t("deleteConfirm")}</p>
            {error && <Alert tone="danger">{error}</Alert>}
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {t("cancel")}
              </Button>
              <Button variant="danger" disabled={pending} onClick={remove}>
                {pending ? t("deleting") : t("delete")}
              </Button>
            </div>
          </div>
        </Dialog>
      )}
    </>
  );
}
