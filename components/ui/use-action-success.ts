"use client";

import { useEffect, useRef } from "react";

/**
 * Runs `onSuccess` once for each successful result of a form's action
 * (useActionState returns a new object per submission).
 */
export function useActionSuccess<T extends { ok: boolean } | null>(state: T, onSuccess: () => void) {
  const handled = useRef<T | null>(null);
  const callback = useRef(onSuccess);
  callback.current = onSuccess;
  useEffect(() => {
    if (state?.ok && handled.current !== state) {
      handled.current = state;
      callback.current();
    }
  }, [state]);
}
