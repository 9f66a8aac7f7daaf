/**
 * Support's keyboard shortcuts: which key does what on which page, and when a
 * key press is the user's typing rather than a command. Pure, so the rules are
 * unit-tested and the client hook only carries out the answer.
 */

export type ShortcutPage = "queue" | "ticket";

export type ShortcutAction =
  | "nextRow"
  | "previousRow"
  | "openRow"
  | "assignToMe"
  | "toggleSelection"
  | "focusSearch"
  | "nextTicket"
  | "previousTicket"
  | "backToQueue"
  | "reply"
  | "internalNote"
  | "approve"
  | "showHelp";

/** One binding: the `KeyboardEvent.key` values that trigger it, as the help dialog lists them. */
export type Shortcut = { keys: readonly string[]; action: ShortcutAction };

export const SHORTCUTS: Record<ShortcutPage, readonly Shortcut[]> = {
  queue: [
    { keys: ["j", "ArrowDown"], action: "nextRow" },
    { keys: ["k", "ArrowUp"], action: "previousRow" },
    { keys: ["o", "Enter"], action: "openRow" },
    { keys: ["a"], action: "assignToMe" },
    { keys: ["x"], action: "toggleSelection" },
    { keys: ["/"], action: "focusSearch" },
    { keys: ["?"], action: "showHelp" },
  ],
  ticket: [
    { keys: ["j"], action: "nextTicket" },
    { keys: ["k"], action: "previousTicket" },
    // Not Escape: it is everyone's "close this", and leaving the page would drop an unsent reply.
    { keys: ["u"], action: "backToQueue" },
    { keys: ["a"], action: "assignToMe" },
    { keys: ["r"], action: "reply" },
    { keys: ["n"], action: "internalNote" },
    { keys: ["A"], action: "approve" },
    { keys: ["?"], action: "showHelp" },
  ],
};

/** Inputs that take no text: a key pressed on a checkbox or a button is not typing. */
const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "image", "file", "color", "range"]);

export type KeyTarget = {
  /** `Element.tagName` of the event's target (upper case in HTML). */
  tagName: string;
  /** The `type` attribute of an input, lower case. */
  inputType?: string;
  isContentEditable: boolean;
};

/** Whether a key pressed on this element is the user typing (or choosing in a list), so no shortcut may take it. */
export function isTypingTarget(target: KeyTarget): boolean {
  if (target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return !NON_TEXT_INPUTS.has((target.inputType || "text").toLowerCase());
  return false;
}

export type KeyPress = KeyTarget & {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** A modal dialog is open: its keys are its own (Escape closes it). */
  dialogOpen: boolean;
};

/** Keys a focused link or button already answers to: the shortcut must not take them from it. */
const ELEMENT_KEYS = new Set(["Enter"]);
const ACTIVATABLE = new Set(["A", "BUTTON", "INPUT", "SUMMARY"]);

/** The action a key press asks for on a page, or null when the key is not a shortcut here or now. */
export function shortcutFor(page: ShortcutPage, press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.dialogOpen) return null;
  if (isTypingTarget(press)) return null;
  if (ELEMENT_KEYS.has(press.key) && ACTIVATABLE.has(press.tagName.toUpperCase())) return null;
  // Shift makes "a" an "A" (a different shortcut), and is part of typing "?" or, on some layouts, "/";
  // with a named key (an arrow, Enter) it is a different gesture. Caps Lock's "J" is not "j".
  if (/^[a-z]$/i.test(press.key) && press.shiftKey !== (press.key === press.key.toUpperCase())) return null;
  if (press.key.length > 1 && press.shiftKey) return null;
  return SHORTCUTS[page].find((shortcut) => shortcut.keys.includes(press.key))?.action ?? null;
}

/** Where the next focus lands in a list of `count` rows: nowhere yet → the first (down) or last (up); stops at the ends. */
export function moveRowFocus(current: number | null, count: number, direction: 1 | -1): number | null {
  if (count === 0) return null;
  if (current === null || current >= count) return direction === 1 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + direction));
}
