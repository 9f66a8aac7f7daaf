"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { removeLossThresholdsAction } from "@/app/(support)/support/settings/loss-detection/actions";
import { Button } from "@/components/ui/button";

export function RemoveOverrideButton({ scope }: { scope: string }) {
  const t = useTranslations("lossAlerts.settings");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await removeLossThresholdsAction({ scope });
            if (!result.ok) setError(result.message);
            else router.refresh();
          })
        }
      >
        {t("remove")}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </>
  );
}
