"use client";

import { Fragment } from "react";
import { useTranslations } from "next-intl";
import { SHORTCUTS, type ShortcutPage } from "@/lib/shortcuts/keyboard-shortcuts";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** How a `KeyboardEvent.key` is printed on a key cap. */
const KEY_CAPS: Record<string, string> = { ArrowDown: "↓", ArrowUp: "↑", Enter: "Enter", Escape: "Esc", A: "Shift + A" };

function Key({ name }: { name: string }) {
  return <kbd className="inline-block min-w-6 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-xs text-slate-800 shadow-[0_1px_0_0] shadow-slate-300">{KEY_CAPS[name] ?? name}</kbd>;
}

/**
 * The "Press ? for keyboard shortcuts" hint (hidden on narrow, touch-sized
 * screens, where there is no keyboard to speak of) and the dialog listing
 * this page's shortcuts. The page owns `open`, so its `?` key can open it.
 */
export function KeyboardShortcutsHelp({ page, open, onOpenChange, note }: { page: ShortcutPage; open: boolean; onOpenChange: (open: boolean) => void; note?: string }) {
  const t = useTranslations("shortcuts");
  return (
    <>
      <button type="button" onClick={() => onOpenChange(true)} className="hidden items-center gap-1.5 text-xs text-slate-500 hover:text-slate-800 md:inline-flex">
        {t.rich("hint", { key: () => <Key name="?" /> })}
      </button>
      <Dialog open={open} onClose={() => onOpenChange(false)} title={t("title")}>
        <div className="space-y-4">
          <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
            {SHORTCUTS[page].map((shortcut) => (
              <Fragment key={shortcut.action}>
                <dt className="flex flex-wrap items-center gap-1 text-slate-500">
                  {shortcut.keys.map((key, i) => (
                    <Fragment key={key}>
                      {i > 0 && <span className="text-xs">{t("or")}</span>}
                      <Key name={key} />
                    </Fragment>
                  ))}
                </dt>
                <dd className="text-slate-800">{t(`${page}.${shortcut.action}`)}</dd>
              </Fragment>
            ))}
          </dl>
          <p className="text-xs text-slate-500">{note ? `${note} ` : ""}{t("notWhileTyping")}</p>
          <div className="flex justify-end">
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              {t("close")}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
