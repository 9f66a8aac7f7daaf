import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { isSupportRole } from "@/lib/auth/roles";
import { getActor } from "@/lib/auth/session";
import { prisma } from "@/lib/db/prisma";
import { appErrorRefusal, jsonRefusal as refuse } from "@/lib/http/json-refusal";
import { parseTicketNumber } from "@/lib/format/ticket-number";
import { readBodyText } from "@/lib/http/request-body-stream";
import { isSameOrigin } from "@/lib/http/same-origin";
import { reportPresence } from "@/lib/presence/report-presence";
import { z } from "@/lib/zod";

const MAX_BODY = 256;
const ZPresence = z.strictObject({ typing: z.boolean().default(false), leaving: z.boolean().default(false) });

/**
 * The ticket page's heartbeat: `{ typing }` says "here", `{ leaving: true }`
 * (sent as the page closes) "gone". Answers who else is here and the
 * ticket's version. Support only; any other ticket or caller → 404.
 */
export async function POST(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const t = await getTranslations("errors");
  if (!isSameOrigin(request.headers)) return refuse(403, t("forbidden"));
  const actor = await getActor();
  if (!actor) return refuse(401, t("unauthenticated"));
  const number = parseTicketNumber((await params).number);
  // Customers have no presence on any ticket: the same answer as for a ticket that does not exist.
  if (number === null || !isSupportRole(actor.role)) return refuse(404, t("codes.TICKET_NOT_FOUND"));
  // A heartbeat is a few bytes: anything long is not one, and is not read.
  const text = await readBodyText(request, MAX_BODY);
  let json: unknown;
  try {
    json = JSON.parse(text ?? "");
  } catch {
    return refuse(400, t("codes.PRESENCE_MALFORMED"));
  }
  const input = ZPresence.safeParse(json);
  if (!input.success) return refuse(400, t("codes.PRESENCE_MALFORMED"));
  try {
    const view = await reportPresence({ db: prisma, actor, number, ...input.data });
    return NextResponse.json(view, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return appErrorRefusal(error);
  }
}
