"use client";

import { useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";

/** What a server action answers: the page refreshes on success, the refusal's message is shown beside the button. */
type ActionOutcome = { ok: true } | { ok: false; message: string };

/**
 * A button that runs one server action (bound to its arguments by the page,
 * e.g. `dismissLossAlertAction.bind(null, { id })`), disabled while it runs.
 */
export function ActionButton({
  action,
  children,
  pendingLabel,
  variant = "secondary",
  size = "sm",
}: {
  action: () => Promise<ActionOutcome>;
  children: ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        variant={variant}
        size={size}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await action();
            if (result.ok) {
              setError(null);
              router.refresh();
            } else setError(result.message);
          })
        }
      >
        {pending && pendingLabel ? pendingLabel : children}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </>
  );
}
