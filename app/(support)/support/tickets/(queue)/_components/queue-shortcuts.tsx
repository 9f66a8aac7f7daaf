"use client";

import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { bulkAssignAction } from "@/app/(support)/support/tickets/(queue)/actions";
import { moveRowFocus } from "@/lib/shortcuts/keyboard-shortcuts";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import { KeyboardShortcutsHelp } from "@/components/shortcuts/keyboard-shortcuts-help";
import { rememberQueueHref } from "@/components/shortcuts/remembered-queue";
import { useKeyboardShortcuts } from "@/components/shortcuts/use-keyboard-shortcuts";
import { useToast } from "@/components/ui/toast";

/** The highlighted row's ticket link, in whichever layout shows (the table, or the cards on a narrow screen). */
function focusActiveRowLink() {
  const links = document.querySelectorAll<HTMLElement>('tbody tr[aria-current="true"] a[href^="/support/tickets/"], li[aria-current="true"] > a[href^="/support/tickets/"]');
  const shown = [...links].find((link) => link.offsetParent !== null);
  shown?.focus();
  shown?.scrollIntoView({ block: "nearest" });
}

/**
 * The queue's keys: j/k (↓/↑) move a highlight through the rows — and the
 * keyboard focus to the row's link, so assistive tech follows — o/Enter
 * opens, a assigns to me (the bulk assign action, one ticket), x selects,
 * / searches, ? lists them.
 */
export function QueueShortcuts({
  rows,
  meId,
  activeRowId,
  onActiveRowChange,
  onToggleSelection,
}: {
  rows: { id: string; number: number }[];
  meId: string;
  activeRowId: string | null;
  onActiveRowChange: (id: string | null) => void;
  onToggleSelection: (id: string) => void;
}) {
  const t = useTranslations("shortcuts");
  const tq = useTranslations("queue");
  const router = useRouter();
  const toast = useToast();
  const [helpOpen, setHelpOpen] = useState(false);
  const [assigning, startAssigning] = useTransition();
  const active = rows.find((row) => row.id === activeRowId) ?? null;

  useEffect(() => rememberQueueHref(window.location.pathname + window.location.search), []);
  useEffect(() => {
    if (activeRowId) focusActiveRowLink();
  }, [activeRowId]);

  const move = (direction: 1 | -1) => {
    const index = rows.findIndex((row) => row.id === activeRowId);
    const next = moveRowFocus(index === -1 ? null : index, rows.length, direction);
    onActiveRowChange(next === null ? null : rows[next].id);
  };
  /** Runs `act` on the highlighted row, or says how to highlight one. */
  const withActive = (act: (row: { id: string; number: number }) => void) => () => (active ? act(active) : toast.show(t("noRowHighlighted"), "info"));

  useKeyboardShortcuts("queue", {
    nextRow: () => move(1),
    previousRow: () => move(-1),
    openRow: withActive((row) => router.push(`/support/tickets/${formatTicketNumber(row.number)}`)),
    toggleSelection: withActive((row) => onToggleSelection(row.id)),
    assignToMe: withActive((row) => {
      if (assigning) return;
      startAssigning(async () => {
        const result = await bulkAssignAction({ ticketIds: [row.id], assigneeId: meId });
        if (!result.ok) return toast.show(result.message, "error");
        toast.show(tq("assigned", { count: result.data.assigned }));
        router.refresh();
      });
    }),
    focusSearch: () => document.querySelector<HTMLInputElement>('[data-shortcut="search"]')?.focus(),
    showHelp: () => setHelpOpen(true),
  });

  return <KeyboardShortcutsHelp page="queue" open={helpOpen} onOpenChange={setHelpOpen} />;
}
