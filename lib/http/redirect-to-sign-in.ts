import { NextResponse } from "next/server";

/** A signed-out visitor of a file link goes to sign-in and comes back to the file. */
export function redirectToSignIn(request: Request, back: string) {
  return NextResponse.redirect(new URL(`/login?callbackUrl=${encodeURIComponent(back)}`, request.url), { headers: { "Cache-Control": "no-store" } });
}
