import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { prisma } from "@/lib/db/prisma";
import { appErrorRefusal, jsonRefusal as refuse } from "@/lib/http/json-refusal";
import { ATTACHMENT_MAX_BYTES } from "@/lib/attachments/attachment-rules";
import { uploadAttachment } from "@/lib/attachments/upload-attachment";
import { parseTicketNumber } from "@/lib/format/ticket-number";
import { isSameOrigin } from "@/lib/http/same-origin";
import { fileStorageRoot } from "@/lib/storage/file-storage";

/** The file's name as the browser sent it (percent-encoded); missing or undecodable is "" (refused as a bad name). */
function decodeFileName(header: string | null): string {
  try {
    return decodeURIComponent(header ?? "");
  } catch {
    return "";
  }
}

/**
 * Upload of one attachment for a reply or note: the raw file as the body
 * (streamed to storage, never held in memory), its name in `X-File-Name`.
 * Answers the upload's id, which the message form sends with the message.
 */
export async function POST(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const t = await getTranslations("errors");
  if (!isSameOrigin(request.headers)) return refuse(403, t("forbidden"));
  const actor = await getActor();
  if (!actor) return refuse(401, t("unauthenticated"));
  const number = parseTicketNumber((await params).number);
  if (number === null) return refuse(404, t("codes.TICKET_NOT_FOUND"));
  // An honest Content-Length over the limit is refused before a byte is read; chunked bodies are counted as they stream.
  if (Number(request.headers.get("content-length") ?? 0) > ATTACHMENT_MAX_BYTES) return refuse(413, t("codes.ATTACHMENT_TOO_LARGE"));
  try {
    const attachment = await uploadAttachment({ db: prisma, actor, number, fileName: decodeFileName(request.headers.get("x-file-name")), body: request.body, storageRoot: fileStorageRoot() });
    return NextResponse.json(attachment, { status: 201 });
  } catch (error) {
    return appErrorRefusal(error);
  }
}
