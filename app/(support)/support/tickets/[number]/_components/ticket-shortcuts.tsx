"use client";

import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { KeyboardShortcutsHelp } from "@/components/shortcuts/keyboard-shortcuts-help";
import { rememberedQueueHref } from "@/components/shortcuts/remembered-queue";
import { clickShortcutTarget, useKeyboardShortcuts } from "@/components/shortcuts/use-keyboard-shortcuts";
import { useToast } from "@/components/ui/toast";

/**
 * The ticket page's keys and its previous / next ticket links. Assign and
 * approve press the action bar's own buttons (marked data-shortcut), so a key
 * can do only what a click could — approve opens the same confirmation. Reply
 * and note choose the message form's kind and put the cursor in its text.
 */
export function TicketShortcuts({ previousHref, nextHref }: { previousHref: string | null; nextHref: string | null }) {
  const t = useTranslations("shortcuts");
  const router = useRouter();
  const toast = useToast();
  const [helpOpen, setHelpOpen] = useState(false);

  const body = () => document.querySelector<HTMLTextAreaElement>('[data-shortcut="message-body"]');
  /**
   * Reply or note: picks the kind, then the cursor goes into the text. With
   * text already written `r` leaves the kind as it is: a stray `r` must never
   * turn an internal note into a reply the customer reads (`n` is safe).
   */
  const write = (kind: "reply" | "note") => {
    if (kind === "note" || !body()?.value.trim()) clickShortcutTarget(kind);
    body()?.focus();
  };
  /** Leaving the page drops an unsent message and its files: the keys do not, the links still can. */
  const leave = (href: string | null) => () => {
    if (!href) return;
    if (body()?.value.trim() || document.querySelector('input[name="attachmentId"]')) toast.show(t("unsentMessage"), "info");
    else router.push(href);
  };
  const press = (target: "assign-to-me" | "approve", unavailable: string) => () => {
    if (!clickShortcutTarget(target)) toast.show(unavailable, "info");
  };

  useKeyboardShortcuts("ticket", {
    nextTicket: leave(nextHref),
    previousTicket: leave(previousHref),
    backToQueue: () => leave(rememberedQueueHref())(),
    assignToMe: press("assign-to-me", t("unavailable.assignToMe")),
    approve: press("approve", t("unavailable.approve")),
    reply: () => write("reply"),
    internalNote: () => write("note"),
    showHelp: () => setHelpOpen(true),
  });

  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <nav aria-label={t("queueNeighbours")} className="flex flex-wrap items-center gap-x-3">
        {previousHref ? (
          <Link href={previousHref} rel="prev" className="text-brand-700 hover:underline">
            {t("previousTicket")}
          </Link>
        ) : (
          <span className="text-slate-400">{t("previousTicket")}</span>
        )}
        {nextHref ? (
          <Link href={nextHref} rel="next" className="text-brand-700 hover:underline">
            {t("nextTicket")}
          </Link>
        ) : (
          <span className="text-slate-400">{t("nextTicket")}</span>
        )}
      </nav>
      <KeyboardShortcutsHelp page="ticket" open={helpOpen} onOpenChange={setHelpOpen} note={t("ticketOrder")} />
    </div>
  );
}
