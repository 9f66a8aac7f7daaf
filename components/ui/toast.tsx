"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type Toast = { id: number; message: string; tone: "success" | "error" | "info" };
type ToastApi = { show: (message: string, tone?: Toast["tone"]) => void };

const ToastContext = createContext<ToastApi>({ show: () => {} });

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

let nextId = 1;
/** More would cover the page: the oldest gives way (each goes by itself after 5 s anyway). */
const MAX_VISIBLE = 3;

/** Short confirmations, announced to screen readers through a live region. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((message: string, tone: Toast["tone"] = "success") => {
    const id = nextId++;
    // The same message again replaces the earlier one instead of stacking.
    setToasts((current) => [...current.filter((t) => t.message !== message).slice(-(MAX_VISIBLE - 1)), { id, message, tone }]);
    setTimeout(() => setToasts((current) => current.filter((t) => t.id !== id)), 5000);
  }, []);
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={cn(
              "pointer-events-auto rounded-lg px-4 py-2.5 text-sm font-medium shadow-lg",
              toast.tone === "success" && "bg-emerald-700 text-white",
              toast.tone === "error" && "bg-red-700 text-white",
              toast.tone === "info" && "bg-slate-800 text-white",
            )}
          >
            {toast.message}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
