import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { AppError, httpStatusOf } from "@/lib/errors/app-error";

/** A route handler's refusal: its status and a message the caller can show, never cached. */
export function jsonRefusal(status: number, message: string) {
  return NextResponse.json({ message }, { status, headers: { "Cache-Control": "no-store" } });
}

/** An expected refusal (AppError) as its status and message in the caller's language; anything else is a bug and is rethrown. */
export async function appErrorRefusal(error: unknown) {
  if (!(error instanceof AppError)) throw error;
  const t = await getTranslations("errors.codes");
  return jsonRefusal(httpStatusOf(error.code), t(error.key, error.params));
}
