"use client";

import { Suspense, use, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { approveAction, assignToMeAction, runRestoreAction, supportTransitionAction, undoRestoreAction } from "@/app/(support)/support/tickets/[number]/actions";
import type { ActionResult } from "@/lib/actions/define-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";

type Props = {
  number: string;
  version: number;
  canAssignToMe: boolean;
  actions: string[];
  /** Why Approve is not offered, when that is worth saying (four eyes). */
  approveBlockedReason?: string;
  method: "CSV" | "FULL" | "SELECTIVE";
  accountName: string;
  /** Set when the last full restore may be undone: until when (formatted). */
  undoDeadline?: string | null;
  /** What approving means, repeated in the dialog: a full restore's preview totals (still computing), or a CSV's item counts. */
  approval: { preview: Promise<PreviewTotals> } | { csv: CsvCounts } | null;
  /** The last full restore's figures, repeated in the undo dialog. */
  undoFigures?: { removed: number; written: number } | null;
};

type PreviewTotals = { delete: number; bringBack: number; revert: number };
type CsvCounts = { contacts: number; companies: number; deals: number; leads: number };

type DialogKind = "ASK_FOR_INFO" | "REJECT" | "REQUEST_APPROVAL" | "APPROVE" | "RUN_FULL" | "RUN_CSV" | "RUN_SELECTIVE" | "UNDO" | null;
const CONFIRM_ONLY: readonly DialogKind[] = ["RUN_FULL", "RUN_CSV", "RUN_SELECTIVE"];
/** Dialogs whose text may stay empty. */
const OPTIONAL_TEXT: readonly DialogKind[] = ["REQUEST_APPROVAL", "APPROVE"];

/** The figures the approver is about to record, once the page's preview has them. */
function PreviewTotalsLine({ preview, accountName, selective }: { preview: Promise<PreviewTotals>; accountName: string; selective: boolean }) {
  const t = useTranslations("supportTicket.actions.dialog.APPROVE");
  const totals = use(preview);
  return <p className="rounded-md bg-slate-50 px-3 py-2 text-sm font-medium text-slate-800">{t(selective ? "selectiveFigures" : "fullFigures", { account: accountName, ...totals })}</p>;
}

/**
 * The actions valid for this ticket's state and the actor's role, in one bar
 * that stays in the same place in every state and sticks under the header
 * while the page scrolls. The server decides again.
 */
export function TicketActionBar({ number, version, canAssignToMe, actions, approveBlockedReason, method, accountName, undoDeadline, approval, undoFigures }: Props) {
  const t = useTranslations("supportTicket.actions");
  const router = useRouter();
  const toast = useToast();
  const [dialog, setDialog] = useState<DialogKind>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run(call: () => Promise<ActionResult<unknown>>, done: string) {
    setError(null);
    startTransition(async () => {
      const result = await call();
      if (result.ok) {
        setDialog(null);
        setText("");
        toast.show(done);
      } else {
        setError(result.message);
        if (result.code === "CONFLICT") router.refresh();
        if (!dialog) toast.show(result.message, "error");
      }
    });
  }

  const transition = (action: "START_REVIEW" | "ASK_FOR_INFO" | "REQUEST_APPROVAL" | "REJECT") =>
    run(() => supportTransitionAction({ number, version, action, body: text }), t(`done.${action}`));

  const open = (kind: DialogKind) => {
    setError(null);
    setText("");
    setDialog(kind);
  };

  if (!canAssignToMe && !undoDeadline && !approveBlockedReason && actions.length === 0) return null;

  return (
    <div
      role="toolbar"
      aria-label={t("label")}
      className="sticky top-14 z-30 -mx-4 flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur sm:-mx-6 sm:px-6"
    >
      {canAssignToMe && (
        <Button variant="secondary" data-shortcut="assign-to-me" disabled={pending} onClick={() => run(() => assignToMeAction({ number, version }), t("done.ASSIGN"))}>
          {t("assignToMe")}
        </Button>
      )}
      {actions.includes("START_REVIEW") && (
        <Button variant="secondary" disabled={pending} onClick={() => transition("START_REVIEW")}>
          {t("startReview")}
        </Button>
      )}
      {actions.includes("ASK_FOR_INFO") && (
        <Button variant="secondary" onClick={() => open("ASK_FOR_INFO")}>
          {t("askForInfo")}
        </Button>
      )}
      {actions.includes("REQUEST_APPROVAL") && (
        <Button variant="secondary" onClick={() => open("REQUEST_APPROVAL")}>
          {t("requestApproval")}
        </Button>
      )}
      {actions.includes("APPROVE") && (
        <Button data-shortcut="approve" onClick={() => open("APPROVE")}>
          {t("approve")}
        </Button>
      )}
      {actions.includes("START_RUN") && <Button onClick={() => open(`RUN_${method}`)}>{t("runRestore")}</Button>}
      {actions.includes("RETRY") && <Button onClick={() => open(`RUN_${method}`)}>{t("retry")}</Button>}
      {undoDeadline && (
        <Button variant="danger" onClick={() => open("UNDO")}>
          {t("undo")}
        </Button>
      )}
      {actions.includes("REJECT") && (
        <Button variant="danger" onClick={() => open("REJECT")}>
          {t("reject")}
        </Button>
      )}
      {approveBlockedReason && <p className="w-full text-sm text-slate-600">{approveBlockedReason}</p>}

      <Dialog open={dialog !== null} onClose={() => setDialog(null)} title={dialog ? t(`dialog.${dialog}.title`) : ""}>
        {dialog && (
          <form
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              if (dialog === "APPROVE") run(() => approveAction({ number, version, note: text }), t("done.APPROVE"));
              else if (dialog === "RUN_FULL" || dialog === "RUN_CSV" || dialog === "RUN_SELECTIVE") run(() => runRestoreAction({ number, version }), t("done.RUN"));
              else if (dialog === "UNDO") run(() => undoRestoreAction({ number, version, reason: text }), t("done.UNDO"));
              else transition(dialog);
            }}
          >
            <p className="text-sm text-slate-700">{t(`dialog.${dialog}.body`, { account: accountName, deadline: undoDeadline ?? "" })}</p>
            {dialog === "APPROVE" && approval && "preview" in approval && (
              <Suspense fallback={<p className="text-sm text-slate-500" aria-busy="true">{t("dialog.APPROVE.figuresLoading")}</p>}>
                <PreviewTotalsLine preview={approval.preview} accountName={accountName} selective={method === "SELECTIVE"} />
              </Suspense>
            )}
            {dialog === "APPROVE" && approval && "csv" in approval && (
              <p className="rounded-md bg-slate-50 px-3 py-2 text-sm font-medium text-slate-800">{t("dialog.APPROVE.csvFigures", approval.csv)}</p>
            )}
            {dialog === "UNDO" && undoFigures && (
              <p className="rounded-md bg-slate-50 px-3 py-2 text-sm font-medium text-slate-800">
                {t("dialog.UNDO.figures", undoFigures)}
              </p>
            )}
            {!CONFIRM_ONLY.includes(dialog) && (
              <Field id="action-text" label={t(`dialog.${dialog}.label`)}>
                <Textarea
                  id="action-text"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  rows={4}
                  maxLength={10_000}
                  required={!OPTIONAL_TEXT.includes(dialog)}
                />
              </Field>
            )}
            {error && <Alert tone="danger">{error}</Alert>}
            <div className="flex justify-end gap-2">
              <Button variant="ghost" onClick={() => setDialog(null)}>
                {t("close")}
              </Button>
              <Button
                type="submit"
                variant={dialog === "REJECT" || dialog === "UNDO" ? "danger" : "primary"}
                disabled={pending || (!CONFIRM_ONLY.includes(dialog) && !OPTIONAL_TEXT.includes(dialog) && !text.trim())}
              >
                {t(`dialog.${dialog}.confirm`)}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </div>
  );
}
