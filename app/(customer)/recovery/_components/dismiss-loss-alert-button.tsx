"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { dismissLossAlertAction } from "@/app/(customer)/recovery/actions";
import { Button } from "@/components/ui/button";

export function DismissLossAlertButton({ id }: { id: string }) {
  const t = useTranslations("lossAlerts");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await dismissLossAlertAction({ id });
            if (!result.ok) setError(result.message);
            else router.refresh();
          })
        }
      >
        {pending ? t("dismissing") : t("dismiss")}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </>
  );
}
