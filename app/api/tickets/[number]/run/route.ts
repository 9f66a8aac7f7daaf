import { NextResponse } from "next/server";
import { isSupportRole } from "@/lib/auth/roles";
import { getActor } from "@/lib/auth/session";
import { prisma } from "@/lib/db/prisma";
import { customerRunView, listRunViews } from "@/lib/restore/run-view";
import { ticketForRoute } from "@/lib/tickets/ticket-for-route";

const NO_STORE = { "Cache-Control": "no-store" };

/** The ticket's latest run, polled by the ticket pages while it runs. */
export async function GET(_request: Request, { params }: { params: Promise<{ number: string }> }) {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ error: "Sign in first." }, { status: 401, headers: NO_STORE });
  const ticket = await ticketForRoute(actor, (await params).number);
  if (!ticket) return NextResponse.json({ error: "Not found." }, { status: 404, headers: NO_STORE });
  const [latest] = await listRunViews(prisma, ticket.id);
  const run = latest && (isSupportRole(actor.role) ? latest : customerRunView(latest));
  return NextResponse.json({ run: run ?? null }, { headers: NO_STORE });
}
