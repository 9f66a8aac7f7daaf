import { describe, expect, it } from "vitest";
import { isTypingTarget, moveRowFocus, SHORTCUTS, shortcutFor, type KeyPress } from "@/lib/shortcuts/keyboard-shortcuts";

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  dialogOpen: false,
  tagName: "BODY",
  isContentEditable: false,
  ...more,
});

describe("isTypingTarget", () => {
  it("text fields, text areas, lists and editable content take the keys", () => {
    expect(isTypingTarget({ tagName: "TEXTAREA", isContentEditable: false })).toBe(true);
    expect(isTypingTarget({ tagName: "SELECT", isContentEditable: false })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
    for (const inputType of [undefined, "text", "search", "email", "number", "date", "password", "TEXT"]) {
      expect(isTypingTarget({ tagName: "INPUT", inputType, isContentEditable: false })).toBe(true);
    }
  });

  it("the page, links, buttons, checkboxes and radios do not", () => {
    expect(isTypingTarget({ tagName: "BODY", isContentEditable: false })).toBe(false);
    expect(isTypingTarget({ tagName: "A", isContentEditable: false })).toBe(false);
    expect(isTypingTarget({ tagName: "button", isContentEditable: false })).toBe(false);
    expect(isTypingTarget({ tagName: "INPUT", inputType: "checkbox", isContentEditable: false })).toBe(false);
    expect(isTypingTarget({ tagName: "INPUT", inputType: "radio", isContentEditable: false })).toBe(false);
  });
});

describe("shortcutFor", () => {
  it("maps the queue's keys", () => {
    expect(shortcutFor("queue", press("j"))).toBe("nextRow");
    expect(shortcutFor("queue", press("ArrowDown"))).toBe("nextRow");
    expect(shortcutFor("queue", press("k"))).toBe("previousRow");
    expect(shortcutFor("queue", press("ArrowUp"))).toBe("previousRow");
    expect(shortcutFor("queue", press("o"))).toBe("openRow");
    expect(shortcutFor("queue", press("Enter"))).toBe("openRow");
    expect(shortcutFor("queue", press("a"))).toBe("assignToMe");
    expect(shortcutFor("queue", press("x"))).toBe("toggleSelection");
    expect(shortcutFor("queue", press("/"))).toBe("focusSearch");
    expect(shortcutFor("queue", press("?", { shiftKey: true }))).toBe("showHelp");
    expect(shortcutFor("queue", press("r"))).toBeNull();
  });

  it("maps the ticket page's keys, approve only with Shift", () => {
    expect(shortcutFor("ticket", press("j"))).toBe("nextTicket");
    expect(shortcutFor("ticket", press("k"))).toBe("previousTicket");
    expect(shortcutFor("ticket", press("u"))).toBe("backToQueue");
    expect(shortcutFor("ticket", press("Escape")), "Escape only ever closes things").toBeNull();
    expect(shortcutFor("ticket", press("a"))).toBe("assignToMe");
    expect(shortcutFor("ticket", press("r"))).toBe("reply");
    expect(shortcutFor("ticket", press("n"))).toBe("internalNote");
    expect(shortcutFor("ticket", press("A", { shiftKey: true }))).toBe("approve");
    expect(shortcutFor("ticket", press("?", { shiftKey: true }))).toBe("showHelp");
    expect(shortcutFor("ticket", press("/"))).toBeNull();
    expect(shortcutFor("ticket", press("ArrowDown"))).toBeNull();
  });

  it("never fires while the user types in a field", () => {
    for (const target of [{ tagName: "TEXTAREA" }, { tagName: "INPUT", inputType: "search" }, { tagName: "SELECT" }, { tagName: "P", isContentEditable: true }]) {
      expect(shortcutFor("ticket", press("j", target))).toBeNull();
      expect(shortcutFor("ticket", press("?", { ...target, shiftKey: true }))).toBeNull();
      expect(shortcutFor("queue", press("/", target))).toBeNull();
    }
  });

  it("still fires from a checkbox or a link the user clicked last", () => {
    expect(shortcutFor("queue", press("j", { tagName: "INPUT", inputType: "checkbox" }))).toBe("nextRow");
    expect(shortcutFor("queue", press("x", { tagName: "A" }))).toBe("toggleSelection");
  });

  it("leaves Enter to a focused link or button", () => {
    expect(shortcutFor("queue", press("Enter", { tagName: "A" }))).toBeNull();
    expect(shortcutFor("queue", press("Enter", { tagName: "BUTTON" }))).toBeNull();
    expect(shortcutFor("queue", press("Enter", { tagName: "INPUT", inputType: "checkbox" }))).toBeNull();
  });

  it("never fires with Ctrl, Meta or Alt held (browser and system shortcuts, AltGr letters)", () => {
    expect(shortcutFor("queue", press("j", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor("queue", press("k", { metaKey: true }))).toBeNull();
    expect(shortcutFor("ticket", press("r", { altKey: true }))).toBeNull();
    expect(shortcutFor("ticket", press("a", { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it("never fires while a dialog is open: its keys (Escape) are its own", () => {
    expect(shortcutFor("ticket", press("Escape", { dialogOpen: true }))).toBeNull();
    expect(shortcutFor("ticket", press("j", { dialogOpen: true }))).toBeNull();
    expect(shortcutFor("queue", press("?", { shiftKey: true, dialogOpen: true }))).toBeNull();
  });

  it("tells a letter from its capital: Shift+j is not j, Caps Lock's A is not approve", () => {
    expect(shortcutFor("ticket", press("J", { shiftKey: true }))).toBeNull();
    expect(shortcutFor("ticket", press("A"))).toBeNull();
    expect(shortcutFor("ticket", press("a", { shiftKey: true }))).toBeNull();
    expect(shortcutFor("queue", press("ArrowDown", { shiftKey: true }))).toBeNull();
    // On layouts where "/" needs Shift it is still "/".
    expect(shortcutFor("queue", press("/", { shiftKey: true }))).toBe("focusSearch");
  });

  it("gives every key one action per page", () => {
    for (const shortcuts of Object.values(SHORTCUTS)) {
      const keys = shortcuts.flatMap((shortcut) => shortcut.keys);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe("moveRowFocus", () => {
  it("starts at the first row going down and the last going up", () => {
    expect(moveRowFocus(null, 5, 1)).toBe(0);
    expect(moveRowFocus(null, 5, -1)).toBe(4);
  });

  it("moves one row and stops at the ends", () => {
    expect(moveRowFocus(1, 5, 1)).toBe(2);
    expect(moveRowFocus(1, 5, -1)).toBe(0);
    expect(moveRowFocus(0, 5, -1)).toBe(0);
    expect(moveRowFocus(4, 5, 1)).toBe(4);
  });

  it("has nowhere to go in an empty list, and starts over when the list shrank under it", () => {
    expect(moveRowFocus(null, 0, 1)).toBeNull();
    expect(moveRowFocus(7, 3, 1)).toBe(0);
  });
});
