import "server-only";
import type { z } from "zod";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { getActor, type Actor } from "@/lib/auth/session";
import { isSupportRole, type Role } from "@/lib/auth/roles";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { isSameOrigin } from "@/lib/http/same-origin";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode | "INTERNAL"; message: string; fieldErrors?: Record<string, string[]> };

type Allowed = readonly (Role | "anonymous")[];

type Definition<S extends z.ZodType, A extends Allowed> = {
  input: S;
  /** Roles allowed to call the action; "anonymous" lets signed-out visitors in. */
  allow: A;
};

/** A customer's actor always has an account: the tenant every query of theirs is scoped to. */
export type CustomerActor = Actor & { accountId: string };

/**
 * Who the handler gets, from who may call: nullable only when signed-out
 * visitors are let in; a customer-only action gets the account for sure.
 */
export type ActorFor<A extends Allowed> = "anonymous" extends A[number]
  ? Actor | null
  : A[number] extends "ACCOUNT_ADMIN" | "ACCOUNT_MEMBER"
    ? CustomerActor
    : Actor;

function toPlainInput(raw: unknown): unknown {
  if (typeof FormData !== "undefined" && raw instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of raw.entries()) {
      if (key.startsWith("$ACTION")) continue;
      out[key] = key in out ? ([] as unknown[]).concat(out[key], value) : value;
    }
    return out;
  }
  return raw;
}

/**
 * Every server action goes through here, so none can skip a step:
 * same-origin request → parse the input with zod → load the session →
 * check the role → run.
 * Expected errors become typed results; anything else is logged and hidden.
 */
export function defineAction<S extends z.ZodType, T, const A extends Allowed>(
  definition: Definition<S, A>,
  handler: (args: { input: z.output<S>; actor: ActorFor<A> }) => Promise<T>,
) {
  return async (...args: unknown[]): Promise<ActionResult<T>> => {
    // Works as a plain action (input) and with useActionState (previous state, input).
    const raw = args.length > 1 ? args[1] : args[0];
    const t = await getTranslations("errors");
    // Cross-site request forgery: only our own pages may call an action.
    if (!isSameOrigin(await headers())) return { ok: false, code: "FORBIDDEN", message: t("forbidden") };
    // Schema and domain messages are keys of errors.codes; unknown text passes through.
    const translate = (key: string, params?: Record<string, string | number>) =>
      t.has(`codes.${key}`) ? t(`codes.${key}`, params) : key;
    const parsed = definition.input.safeParse(toPlainInput(raw));
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "_";
        (fieldErrors[key] ??= []).push(translate(issue.message));
      }
      return { ok: false, code: "VALIDATION", message: t("validation"), fieldErrors };
    }
    const actor = await getActor();
    if (!actor && !definition.allow.includes("anonymous")) {
      return { ok: false, code: "UNAUTHENTICATED", message: t("unauthenticated") };
    }
    if (actor && !definition.allow.includes(actor.role)) {
      return { ok: false, code: "FORBIDDEN", message: t("forbidden") };
    }
    // A customer without an account is no customer of ours: nothing to scope the call to.
    if (actor && !isSupportRole(actor.role) && !actor.accountId) {
      return { ok: false, code: "FORBIDDEN", message: t("forbidden") };
    }
    try {
      return { ok: true, data: await handler({ input: parsed.data, actor: actor as ActorFor<A> }) };
    } catch (error) {
      if (error instanceof AppError) {
        const fieldErrors = error.fieldErrors
          ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, keys]) => [field, keys.map((k) => translate(k, error.params))]))
          : undefined;
        return { ok: false, code: error.code, message: translate(error.key, error.params), fieldErrors };
      }
      console.error("Action failed", error);
      return { ok: false, code: "INTERNAL", message: t("internal") };
    }
  };
}
