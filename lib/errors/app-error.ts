/** Expected failures carry a code the UI can act on; anything else is a bug. */
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "INVALID_STATE" | "VALIDATION" | "RATE_LIMITED" | "CONFLICT";

/**
 * `message` is a message key (errors.codes.<key>) when one exists, so the
 * action answers in the user's language; `params` fill its placeholders.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}
