"use server";

import { cookies } from "next/headers";
import { z } from "@/lib/zod";
import { defineAction } from "@/lib/actions/define-action";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locale";
import { prisma } from "@/lib/db/prisma";
import { SIGNED_IN_ROLES } from "@/lib/auth/session";

const ZSetLocaleInput = z.object({ locale: z.enum(LOCALES) });

/** Remembers the language in a cookie, and on the user when signed in. */
export const setLocaleAction = defineAction(
  { input: ZSetLocaleInput, allow: ["anonymous", ...SIGNED_IN_ROLES] },
  async ({ input, actor }) => {
    (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax", httpOnly: false });
    if (actor) await prisma.user.update({ where: { id: actor.id }, data: { locale: input.locale } });
    return { locale: input.locale };
  },
);
