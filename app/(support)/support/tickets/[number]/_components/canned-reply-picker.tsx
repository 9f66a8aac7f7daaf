"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { useTranslations } from "next-intl";
import { matchesSearch, type CannedReplyChoice, type CannedReplyChoices } from "@/lib/canned-replies/canned-reply-template";
import { isLocale, LOCALE_NAMES } from "@/lib/i18n/locale";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

/**
 * **Canned replies**: a searchable list of the replies, already filled for
 * this ticket, the requester's language first. Arrow keys move, Enter
 * inserts at the textarea's cursor (or fills an empty one), Escape closes.
 * A reply needing a value the ticket lacks (no CSV file yet) is shown with
 * why, and not inserted.
 */
export function CannedReplyPicker({ choices, textarea }: { choices: CannedReplyChoices; textarea: RefObject<HTMLTextAreaElement | null> }) {
  const t = useTranslations("cannedReplies");
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const focusTextareaOnClose = useRef(false);
  const baseId = useId();
  const optionId = (reply: CannedReplyChoice) => `${baseId}-${reply.id}`;

  const groups = choices.groups
    .map((group) => ({ ...group, replies: group.replies.filter((r) => matchesSearch(query, r.title, r.text)) }))
    .filter((group) => group.replies.length > 0);
  const shown = groups.flatMap((group) => group.replies);
  const current = shown[Math.min(active, shown.length - 1)];
  const languageName = (locale: string) => (isLocale(locale) ? LOCALE_NAMES[locale] : locale);

  useEffect(() => {
    if (open && current) document.getElementById(`${baseId}-${current.id}`)?.scrollIntoView({ block: "nearest" });
  }, [open, current, baseId]);

  const choose = (reply: CannedReplyChoice | undefined) => {
    const field = textarea.current;
    if (!reply || reply.missing.length > 0 || !field) return;
    const empty = field.value.trim() === "";
    field.setRangeText(reply.text, empty ? 0 : field.selectionStart, empty ? field.value.length : field.selectionEnd, "end");
    // As if typed: whoever listens to the textarea (a draft, a "typing…" signal) hears of it.
    field.dispatchEvent(new Event("input", { bubbles: true }));
    focusTextareaOnClose.current = true;
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Never the message form's Enter: the dialog sits inside that form.
    if (event.key === "Enter") {
      event.preventDefault();
      choose(current);
      return;
    }
    const move = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
    if (move && shown.length > 0) {
      event.preventDefault();
      setActive((i) => (Math.min(i, shown.length - 1) + move + shown.length) % shown.length);
    }
  };

  const missingText = (reply: CannedReplyChoice) => t("picker.unavailable", { variables: reply.missing.map((name) => t(`variables.${name}`)).join(", ") });

  return (
    <>
      <Button
        variant="secondary"
        aria-haspopup="dialog"
        onClick={() => {
          setQuery("");
          setActive(0);
          setOpen(true);
        }}
      >
        {t("picker.open")}
      </Button>
      <Dialog
        open={open}
        onClose={() => {
          setOpen(false);
          // After the dialog has given focus back to the button, so the caret lands after the inserted text.
          if (focusTextareaOnClose.current) textarea.current?.focus();
          focusTextareaOnClose.current = false;
        }}
        title={t("picker.title")}
      >
        <div className="space-y-3">
          <div className="space-y-1.5">
            <Label htmlFor={`${baseId}-search`}>{t("picker.search")}</Label>
            <Input
              id={`${baseId}-search`}
              role="combobox"
              aria-expanded={shown.length > 0}
              aria-controls={`${baseId}-list`}
              aria-activedescendant={current ? optionId(current) : undefined}
              aria-autocomplete="list"
              autoComplete="off"
              autoFocus
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
            />
          </div>
          {shown.length === 0 ? (
            <p className="text-sm text-slate-600" role="status">
              {choices.groups.some((g) => g.replies.length > 0) ? t("picker.noMatches") : t("picker.none")}
            </p>
          ) : (
            <div id={`${baseId}-list`} role="listbox" aria-label={t("picker.title")} className="max-h-60 overflow-y-auto rounded-md border border-slate-200">
              {groups.map((group) => (
                <div key={group.locale} role="group" aria-labelledby={`${baseId}-${group.locale}`}>
                  <p id={`${baseId}-${group.locale}`} className="sticky top-0 flex flex-wrap items-center gap-2 bg-slate-50 px-3 py-1.5 text-xs font-semibold text-slate-600">
                    {languageName(group.locale)}
                    {group.requesterLanguage && <Badge tone="brand">{t("picker.requesterLanguage")}</Badge>}
                  </p>
                  {group.replies.map((reply) => {
                    const isActive = reply.id === current?.id;
                    return (
                      <div
                        key={reply.id}
                        id={optionId(reply)}
                        role="option"
                        aria-selected={isActive}
                        aria-disabled={reply.missing.length > 0}
                        lang={reply.locale}
                        onMouseEnter={() => setActive(shown.indexOf(reply))}
                        onClick={() => choose(reply)}
                        className={cn(
                          "cursor-pointer px-3 py-2 text-sm break-words",
                          isActive && "bg-brand-50 text-brand-900",
                          reply.missing.length > 0 && "cursor-not-allowed text-slate-400",
                        )}
                      >
                        {reply.title}
                      </div>
                    );
                  })}
                </div>
              ))}
            </div>
          )}
          {current && (
            <div className="space-y-1">
              <p className="text-xs font-medium text-slate-500">{t("picker.preview")}</p>
              {current.missing.length > 0 && <p className="text-sm text-amber-800">{missingText(current)}</p>}
              <p lang={current.locale} className="max-h-48 overflow-y-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800" data-testid="canned-reply-preview">
                {current.text}
              </p>
            </div>
          )}
          <div className="flex flex-wrap items-center justify-between gap-2 pt-1">
            <Link href="/support/canned-replies" className="text-sm text-brand-700 hover:underline">
              {t("picker.manage")}
            </Link>
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {t("cancel")}
              </Button>
              <Button onClick={() => choose(current)} disabled={!current || current.missing.length > 0}>
                {t("picker.insert")}
              </Button>
            </div>
          </div>
        </div>
      </Dialog>
    </>
  );
}
