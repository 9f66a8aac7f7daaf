import "server-only";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { checkRequestChoice, type BlockingReason, type RequestRefusal } from "@/lib/tickets/eligibility";
import { loadEligibility } from "@/lib/tickets/load-eligibility";
import { formatTicketNumber } from "@/lib/format/ticket-number";
import { expiresAt, retentionDaysFromEnv } from "@/lib/retention/retention";
import type { TCreateRestoreRequestInput } from "@/lib/tickets/create-restore-request.schema";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";
import type { RestoreMethod } from "@/lib/generated/prisma/enums";
import type { RecordedPreview } from "@/lib/preview/preview-figures";
import { computeRestorePreview } from "@/lib/preview/restore-preview";
import type { Selection } from "@/lib/selective-restore/selection";
import { findRecordsMissingFromBackup } from "@/lib/selective-restore/find-records-missing-from-backup";
import { findRestoreDateSnapshot } from "@/lib/tickets/find-restore-date-snapshot";

export type RequestRefusalCode = BlockingReason["code"] | RequestRefusal["code"];

/** A refusal with a stable code and its facts; field refusals sit beside their field. */
export class RequestRefusedError extends AppError {
  constructor(readonly refusal: BlockingReason | RequestRefusal) {
    const params: Record<string, string | number> = {};
    if (refusal.code === "REQUEST_ALREADY_OPEN") params.number = formatTicketNumber(refusal.ticketNumber);
    if (refusal.code === "NOT_ACCOUNT_ADMIN") params.admin = refusal.adminName ?? "—";
    if (refusal.code === "PLAN_WITHOUT_RESTORE") params.plan = refusal.planName;
    const fieldErrors = "field" in refusal ? { [refusal.field]: [refusal.code] } : undefined;
    super(refusal.code === "REQUEST_ALREADY_OPEN" ? "CONFLICT" : "VALIDATION", refusal.code, params, fieldErrors);
  }
}

/** The figures of "What this restore would change" for the request, computed before filing (a full or selective restore). */
async function previewForRequest(db: Db, accountId: string, method: RestoreMethod, restoreDate: string, selection: Selection | null): Promise<RecordedPreview | null> {
  if (method === "CSV") return null;
  const snapshot = await findRestoreDateSnapshot({ db, accountId, restoreDate });
  if (!snapshot) return null;
  const preview = await computeRestorePreview({ db, accountId, snapshotId: snapshot.snapshotId, selection });
  return { computedAt: preview.computedAt.toISOString(), snapshotId: snapshot.snapshotId, figures: preview.figures };
}

/** Picked records must be in the chosen backup (of this account): a crafted id is refused beside the selection. */
async function refuseRecordsNotInBackup(db: Db, accountId: string, restoreDate: string, selection: Selection) {
  const snapshot = await findRestoreDateSnapshot({ db, accountId, restoreDate });
  if (!snapshot) return; // The date's own rule refuses it, with its message.
  const { seq } = await db.snapshot.findUniqueOrThrow({ where: { id: snapshot.snapshotId }, select: { seq: true } });
  if (await findRecordsMissingFromBackup(db, { accountId, seq, selection })) {
    throw new AppError("VALIDATION", "selectionRecordsNotInBackup", {}, { selection: ["selectionRecordsNotInBackup"] });
  }
}

/**
 * Files a restore request for the actor's own account. Every rule is checked
 * again here, inside the transaction that takes the next ticket number — the
 * counter row's lock serialises concurrent submits, so numbers are gap-free and
 * a second open request for the account cannot slip in between.
 */
export async function createRestoreRequest({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Db;
  actor: { id: string; role: Role; accountId: string };
  input: TCreateRestoreRequestInput;
  now?: Date;
}): Promise<{ number: number; created: boolean }> {
  const replay = await db.restoreTicket.findUnique({ where: { requestKey: input.requestKey }, select: { number: true, accountId: true } });
  if (replay && replay.accountId === actor.accountId) return { number: replay.number, created: false };
  if (replay) throw new AppError("VALIDATION", "invalidForm");

  const selection = input.method === "SELECTIVE" ? (input.selection as Selection) : null;
  if (selection) await refuseRecordsNotInBackup(db, actor.accountId, input.restoreDate, selection);
  const preview = await previewForRequest(db, actor.accountId, input.method, input.restoreDate, selection);
  try {
    return await db.$transaction(async (tx) => {
      const [{ value: number }] = await tx.$queryRaw<{ value: number }[]>`
        INSERT INTO counter (name, value) VALUES ('ticket_number', 1)
        ON CONFLICT (name) DO UPDATE SET value = counter.value + 1
        RETURNING value`;
      // Read after taking the lock: sees any request committed just before.
      const { eligibility } = await loadEligibility({ db: tx, accountId: actor.accountId, role: actor.role, now });
      const decision = checkRequestChoice(eligibility, { method: input.method, restoreDate: input.restoreDate });
      if (!decision.ok) throw new RequestRefusedError(decision.refusal);
      // The tenant comes from the alert: another account's alert is no alert of this form.
      if (input.lossAlertId && !(await tx.lossAlert.findFirst({ where: { id: input.lossAlertId, accountId: actor.accountId }, select: { id: true } }))) {
        throw new AppError("VALIDATION", "invalidForm");
      }

      const ticket = await tx.restoreTicket.create({
        data: {
          number,
          accountId: actor.accountId,
          requesterId: actor.id,
          method: input.method,
          restoreDate: new Date(`${decision.snapshot.date}T00:00:00Z`),
          // Pinning the snapshot: pruning keeps it while this ticket is open.
          snapshotId: decision.snapshot.snapshotId,
          description: input.description,
          backupExpiresAt: expiresAt(decision.snapshot.takenAt, retentionDaysFromEnv(process.env.SNAPSHOT_RETENTION_DAYS)),
          openForAccountId: actor.accountId,
          requestKey: input.requestKey,
          lossAlertId: input.lossAlertId ?? null,
          selection: selection ?? Prisma.DbNull,
          // What the requester saw before filing, when it was of this very backup.
          requestPreview: preview && preview.snapshotId === decision.snapshot.snapshotId ? preview : Prisma.DbNull,
          createdAt: now,
        },
      });
      await recordTicketEvent(tx, {
        ticketId: ticket.id,
        accountId: actor.accountId,
        actorId: actor.id,
        kind: "CREATED",
        toStatus: "SUBMITTED",
        body: input.description,
        data: {
          method: input.method,
          ...(selection ? { selection } : {}),
          restoreDate: decision.snapshot.date,
          snapshotTakenAt: decision.snapshot.takenAt.toISOString(),
          rowCounts: decision.snapshot.rowCounts,
          ...(input.lossAlertId ? { lossAlertId: input.lossAlertId } : {}),
        },
        createdAt: now,
      });
      return { number, created: true };
    });
  } catch (error) {
    // The unique open-request constraint: another request won the race.
    if (isUniqueViolation(error)) {
      const open = await db.restoreTicket.findFirst({ where: { openForAccountId: actor.accountId }, select: { number: true } });
      if (open) throw new RequestRefusedError({ code: "REQUEST_ALREADY_OPEN", ticketNumber: open.number });
    }
    throw error;
  }
}
