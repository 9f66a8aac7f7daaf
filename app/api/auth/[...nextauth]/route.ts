import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth?: string[] }> };

/**
 * next-auth's endpoints the app uses, per method. next-auth answers some
 * requests it does not expect with 500 (a GET on the credentials callback, a
 * JSON body that does not parse): those are refused here first, with a 4xx.
 */
const ENDPOINTS = {
  GET: new Set(["session", "csrf", "providers", "signin", "signout", "error"]),
  POST: new Set(["session", "signin/credentials", "signout", "callback/credentials"]),
};
const PLAIN = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

async function guarded(request: Request, context: Context, method: keyof typeof ENDPOINTS) {
  const endpoint = ((await context.params).nextauth ?? []).join("/");
  if (!ENDPOINTS[method].has(endpoint)) {
    const known = ENDPOINTS.GET.has(endpoint) || ENDPOINTS.POST.has(endpoint);
    return new NextResponse(known ? "This method is not allowed here." : "Not found.", { status: known ? 405 : 404, headers: PLAIN });
  }
  // next-auth's own client posts forms; anything else is not a request it can read.
  if (method === "POST" && !(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    return new NextResponse("Send a form (application/x-www-form-urlencoded).", { status: 415, headers: PLAIN });
  }
  return handler(request, context);
}

export const GET = (request: Request, context: Context) => guarded(request, context, "GET");
export const POST = (request: Request, context: Context) => guarded(request, context, "POST");
