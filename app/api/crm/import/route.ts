import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { prisma } from "@/lib/db/prisma";
import { appErrorRefusal, jsonRefusal } from "@/lib/http/json-refusal";
import { importUpload } from "@/lib/import/import-upload";
import { IMPORT_MAX_BYTES } from "@/lib/import/stage-import";
import { isSameOrigin } from "@/lib/http/same-origin";

/** The file's name as the browser sent it (percent-encoded), or null when it does not decode. */
function decodeFileName(header: string | null): string | null {
  if (!header) return "import.csv";
  try {
    return decodeURIComponent(header).slice(0, 255) || "import.csv";
  } catch {
    return null;
  }
}

/**
 * Upload of a CSV to import: the raw file as the body (streamed to storage,
 * never held in memory), its name in `X-File-Name`, `?mode=`. Answers the
 * staged import's id; nothing in the CRM changes until it is confirmed.
 */
export async function POST(request: Request) {
  const t = await getTranslations("errors");
  if (!isSameOrigin(request.headers)) return jsonRefusal(403, t("forbidden"));
  const actor = await getActor();
  if (!actor) return jsonRefusal(401, t("unauthenticated"));
  if (actor.role !== "ACCOUNT_ADMIN" || !actor.accountId) return jsonRefusal(403, t("forbidden"));
  // An honest Content-Length over the limit is refused before a byte is read; chunked bodies are counted as they stream.
  if (Number(request.headers.get("content-length") ?? 0) > IMPORT_MAX_BYTES) return jsonRefusal(413, t("codes.IMPORT_FILE_TOO_LARGE"));
  const mode = new URL(request.url).searchParams.get("mode") === "OVERWRITE" ? "OVERWRITE" : "ONLY_MISSING";
  const fileName = decodeFileName(request.headers.get("x-file-name"));
  if (fileName === null) return jsonRefusal(400, t("codes.IMPORT_BAD_FILE_NAME"));
  try {
    const id = await importUpload({ db: prisma, body: request.body, accountId: actor.accountId, userId: actor.id, fileName, mode });
    return NextResponse.json({ id });
  } catch (error) {
    return appErrorRefusal(error);
  }
}
