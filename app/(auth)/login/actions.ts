"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { defineAction } from "@/lib/actions/define-action";
import { SIGNED_IN_ROLES } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import type { SignInState } from "@/components/auth/login-form";
import { prisma } from "@/lib/db/prisma";
import { clientAddress } from "@/lib/http/client-address";

// Loose on purpose: a malformed email gets the same refusal as a wrong password, after the same work.
const ZSignInForm = z.object({
  email: z.string().max(1000),
  password: z.string().max(1000),
  callbackUrl: z.string().max(4096).optional(),
});

const signIn = defineAction({ input: ZSignInForm, allow: ["anonymous", ...SIGNED_IN_ROLES] }, async ({ input }) => ({
  cookie: await signInWithPassword({ db: prisma, input, address: clientAddress(await headers()) }),
  callbackUrl: input.callbackUrl,
}));


/** The login form's action: posted with or without JavaScript, never through a URL. */
export async function signInAction(previous: SignInState, formData: FormData): Promise<SignInState> {
  const result = await signIn(previous, formData);
  // The form is reset after an answer: the email comes back so only the password is typed again.
  const email = formData instanceof FormData ? String(formData.get("email") ?? "").slice(0, 254) : undefined;
  if (!result.ok) return { ok: false, code: result.code, message: result.message, email };
  const { cookie, callbackUrl } = result.data;
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  redirect(safeRedirectPath(callbackUrl, { origin: new URL(process.env.NEXTAUTH_URL ?? "http://localhost").origin }));
}
