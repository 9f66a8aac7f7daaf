import { NextResponse } from "next/server";
import { getActor } from "@/lib/auth/session";
import { isSupportRole } from "@/lib/auth/roles";
import { getOutboxEmail } from "@/lib/notifications/get-outbox-email";

const PLAIN = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

/**
 * An email's HTML as the recipient would see it; support only. Its sandboxing
 * Content-Security-Policy is set in next.config.js: the global headers there
 * would replace one set here.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  const email = actor && isSupportRole(actor.role) ? await getOutboxEmail(id) : null;
  if (!email) return new NextResponse("Not found.", { status: 404, headers: PLAIN });
  return new NextResponse(email.htmlBody, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
    },
  });
}
