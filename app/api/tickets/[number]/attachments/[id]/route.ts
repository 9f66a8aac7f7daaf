import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { prisma } from "@/lib/db/prisma";
import { ATTACHMENT_MEDIA_TYPE, contentDisposition, downloadName, isShownInline } from "@/lib/attachments/attachment-rules";
import { discardUpload } from "@/lib/attachments/discard-upload";
import { findAttachmentForActor } from "@/lib/attachments/find-attachment-for-actor";
import { jsonRefusal } from "@/lib/http/json-refusal";
import { redirectToSignIn } from "@/lib/http/redirect-to-sign-in";
import { isSameOrigin } from "@/lib/http/same-origin";
import { fileStorageRoot, openStoredFile } from "@/lib/storage/file-storage";
import { ticketForRoute } from "@/lib/tickets/ticket-for-route";
import { z } from "@/lib/zod";

type Params = { params: Promise<{ number: string; id: string }> };

const ZId = z.uuid();
const PLAIN = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/**
 * One attachment, to whoever may read the message it came with (404 for
 * anyone else). Only types recognised by their bytes are stored, and they
 * are served so that no browser could run them: images inline, PDFs only as
 * a download, never sniffed, in a sandbox with nothing allowed (the
 * sandboxing policy is set in next.config.js, where it replaces the global one).
 */
export async function GET(request: Request, { params }: Params) {
  const { number, id } = await params;
  const actor = await getActor();
  if (!actor) return redirectToSignIn(request, `/api/tickets/${encodeURIComponent(number)}/attachments/${encodeURIComponent(id)}`);
  const t = await getTranslations("errors.codes");
  const attachment = ZId.safeParse(id).success ? await findAttachmentForActor(prisma, actor, number, id) : null;
  if (!attachment) return new NextResponse(t("ATTACHMENT_NOT_FOUND"), { status: 404, headers: PLAIN });
  const stored = attachment.removedAt ? null : await openStoredFile(fileStorageRoot(), attachment.storagePath);
  if (!stored) return new NextResponse(t("ATTACHMENT_REMOVED"), { status: 410, headers: PLAIN });
  const inline = isShownInline(attachment.type);
  return new NextResponse(Readable.toWeb(stored.stream) as ReadableStream, {
    headers: {
      "Content-Type": ATTACHMENT_MEDIA_TYPE[attachment.type],
      "Content-Length": String(stored.size),
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", downloadName(attachment.fileName, attachment.type)),
      "X-Content-Type-Options": "nosniff",
      "Cross-Origin-Resource-Policy": "same-origin",
      // Who may see it can change (and the next person on this browser may be someone else): never kept.
      "Cache-Control": "no-store",
    },
  });
}

/** Takes back one's own upload before the message is sent. */
export async function DELETE(request: Request, { params }: Params) {
  const { number, id } = await params;
  const t = await getTranslations("errors");
  if (!isSameOrigin(request.headers)) return jsonRefusal(403, t("forbidden"));
  const actor = await getActor();
  if (!actor) return jsonRefusal(401, t("unauthenticated"));
  const ticket = ZId.safeParse(id).success ? await ticketForRoute(actor, number) : null;
  const removed = ticket && (await discardUpload({ db: prisma, uploaderId: actor.id, ticketId: ticket.id, attachmentId: id, storageRoot: fileStorageRoot() }));
  if (!removed) return jsonRefusal(404, t("codes.ATTACHMENT_NOT_FOUND"));
  return new NextResponse(null, { status: 204 });
}
