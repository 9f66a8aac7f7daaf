/** Expected failures carry a code the caller acts on (an HTTP status, a form state); anything else is a bug. */
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "INVALID_STATE" | "VALIDATION" | "RATE_LIMITED" | "CONFLICT" | "TOO_LARGE";

/**
 * `code` says what kind of refusal it is; `key` which one, as a message key
 * (errors.codes.<key>) so the answer is in the user's language; `params`
 * are the values that message names. `message` repeats the key for logs and tests.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(key);
    this.name = "AppError";
  }
}

const HTTP_STATUS: Record<AppErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
};

/** The status a route handler answers an expected refusal with. */
export function httpStatusOf(code: AppErrorCode): number {
  return HTTP_STATUS[code];
}
