import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { getActor } from "@/lib/auth/session";
import { redirectToSignIn } from "@/lib/http/redirect-to-sign-in";
import { prisma } from "@/lib/db/prisma";
import { ticketForRoute } from "@/lib/tickets/ticket-for-route";
import { fileStorageRoot, openStoredFile } from "@/lib/storage/file-storage";

const PLAIN = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

/** Downloads the ticket's restore CSV: the admin of its account and support only; never cached. */
export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const actor = await getActor();
  if (!actor) return redirectToSignIn(request, `/api/tickets/${encodeURIComponent(number)}/csv`);
  const ticket = await ticketForRoute(actor, number);
  const file = ticket && (await prisma.csvFile.findFirst({ where: { ticketId: ticket.id }, orderBy: { createdAt: "desc" } }));
  if (!file) return new NextResponse("Not found.", { status: 404, headers: PLAIN });
  if (file.expiresAt.getTime() < Date.now()) {
    return new NextResponse("This file has expired: restore files are kept as long as backups, 7 days.", { status: 410, headers: PLAIN });
  }
  const stored = await openStoredFile(fileStorageRoot(), file.storagePath);
  if (!stored) return new NextResponse("The file is no longer stored.", { status: 410, headers: PLAIN });
  return new NextResponse(Readable.toWeb(stored.stream) as ReadableStream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Length": String(stored.size),
      "Content-Disposition": `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
