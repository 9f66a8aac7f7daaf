import "server-only";
import { randomUUID } from "node:crypto";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestBodyStream } from "@/lib/http/request-body-stream";
import type { AttachmentType } from "@/lib/generated/prisma/enums";
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_MESSAGE, checkAttachmentName, detectAttachmentType, SIGNATURE_BYTES } from "@/lib/attachments/attachment-rules";
import { canReply } from "@/lib/tickets/state-machine";
import { requireTicketForActor } from "@/lib/tickets/require-ticket-for-actor";
import type { TicketActor } from "@/lib/tickets/ticket-actor";
import { createPendingFile, removeStoredFile } from "@/lib/storage/file-storage";

/**
 * Checks the bytes as they pass: the type from the first ones, the size from
 * all of them. It refuses as soon as it knows, so a 2 GB "screenshot" or an
 * HTML page is stopped after its first chunk, and nothing of it is kept.
 */
function inspect(): { transform: Transform; result: () => { type: AttachmentType; size: number } } {
  let size = 0;
  let head = Buffer.alloc(0);
  let type: AttachmentType | null = null;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > ATTACHMENT_MAX_BYTES) return done(new AppError("TOO_LARGE", "ATTACHMENT_TOO_LARGE"));
      if (!type && head.length < SIGNATURE_BYTES) {
        head = Buffer.concat([head, chunk.subarray(0, SIGNATURE_BYTES - head.length)]);
        if (head.length === SIGNATURE_BYTES) {
          type = detectAttachmentType(head);
          if (!type) return done(new AppError("VALIDATION", "ATTACHMENT_TYPE_NOT_ALLOWED"));
        }
      }
      done(null, chunk);
    },
    flush(done) {
      if (size === 0) return done(new AppError("VALIDATION", "ATTACHMENT_EMPTY"));
      type ??= detectAttachmentType(head);
      done(type ? null : new AppError("VALIDATION", "ATTACHMENT_TYPE_NOT_ALLOWED"));
    },
  });
  return { transform, result: () => ({ type: type!, size }) };
}

/**
 * A file for a reply or note on this ticket, streamed to storage and kept
 * as the uploader's until they send their message (attachUploads). Who may
 * upload is who may write on the ticket: support, and its account's admin
 * while the ticket takes replies.
 */
export async function uploadAttachment({
  db,
  actor,
  number,
  fileName,
  body,
  storageRoot,
}: {
  db: Db;
  actor: TicketActor & { id: string };
  number: number;
  fileName: string;
  body: ReadableStream<Uint8Array> | null;
  storageRoot: string;
}) {
  // The ticket first: someone who may not see it learns nothing else (404 whatever they sent).
  const found = await requireTicketForActor({ db, actor, number });
  const name = checkAttachmentName(fileName);
  if (!name.ok) throw new AppError("VALIDATION", name.key);
  const ticket = await db.restoreTicket.findUniqueOrThrow({ where: { id: found.id }, select: { status: true } });
  if (!canReply(ticket.status, actor.role)) throw new AppError("INVALID_STATE", "REPLY_NOT_ALLOWED");
  const tooMany = new AppError("VALIDATION", "ATTACHMENTS_TOO_MANY", { max: ATTACHMENTS_PER_MESSAGE });
  // A quick refusal before reading anything; the binding count is taken again below, under a lock.
  if ((await db.ticketAttachment.count({ where: { ticketId: found.id, uploaderId: actor.id, eventId: null } })) >= ATTACHMENTS_PER_MESSAGE) throw tooMany;
  if (!body) throw new AppError("VALIDATION", "ATTACHMENT_EMPTY");

  const storagePath = `attachments/${found.accountId}/${found.id}/${randomUUID()}`;
  const file = await createPendingFile(storageRoot, storagePath);
  const checked = inspect();
  try {
    await pipeline(requestBodyStream(body), checked.transform, file.stream);
  } catch (error) {
    await file.discard();
    // The browser went away mid-file (or the ✕ was pressed): the person is told, nothing is kept.
    throw error instanceof AppError ? error : new AppError("VALIDATION", "ATTACHMENT_INTERRUPTED");
  }
  const { type, size } = checked.result();
  await file.commit();
  try {
    // Uploads sent side by side all passed the quick count: one at a time here, the eleventh is refused and its file removed.
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`attachments:${found.id}:${actor.id}`}, 0))`;
      const pending = await tx.ticketAttachment.count({ where: { ticketId: found.id, uploaderId: actor.id, eventId: null } });
      if (pending >= ATTACHMENTS_PER_MESSAGE) throw tooMany;
      return tx.ticketAttachment.create({
        data: { ticketId: found.id, accountId: found.accountId, uploaderId: actor.id, fileName: name.name, type, sizeBytes: size, storagePath },
        select: { id: true, fileName: true, type: true, sizeBytes: true },
      });
    });
  } catch (error) {
    await removeStoredFile(storageRoot, storagePath);
    throw error;
  }
}
