"use client";

import { useEffect, useEffectEvent } from "react";
import { shortcutFor, type ShortcutAction, type ShortcutPage } from "@/lib/shortcuts/keyboard-shortcuts";

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

/** A modal is open (the browser's own <dialog>, or an ARIA one): its keys are its own. */
const dialogIsOpen = () => document.querySelector('dialog[open], [role="dialog"][aria-modal="true"]') !== null;

/**
 * Listens on the document and runs the page's handler for a shortcut key —
 * unless lib/shortcuts says the key is the user's (typing, a modifier, a
 * dialog). A key without a handler here keeps its usual meaning.
 */
export function useKeyboardShortcuts(page: ShortcutPage, handlers: ShortcutHandlers) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    const target = event.target instanceof HTMLElement ? event.target : document.body;
    const action = shortcutFor(page, {
      key: event.key,
      shiftKey: event.shiftKey,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      tagName: target.tagName,
      inputType: target instanceof HTMLInputElement ? target.type : undefined,
      isContentEditable: target.isContentEditable,
      dialogOpen: dialogIsOpen(),
    });
    const handler = action && handlers[action];
    if (!handler) return;
    event.preventDefault();
    handler();
  });
  useEffect(() => {
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}

/** Clicks the page's control marked `data-shortcut="name"` when it is there and enabled; false when it is not. */
export function clickShortcutTarget(name: string): boolean {
  const element = document.querySelector<HTMLElement>(`[data-shortcut="${name}"]:not(:disabled)`);
  element?.click();
  return element !== null;
}
