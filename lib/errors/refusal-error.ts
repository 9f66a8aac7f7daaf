import { AppError } from "@/lib/errors/app-error";

/**
 * A pure rule's refusal as the error a use case throws: a role the rule does
 * not allow is FORBIDDEN, anything else a state that does not allow it.
 */
export function refusalError(code: string): AppError {
  return new AppError(code === "NOT_ALLOWED_FOR_ROLE" ? "FORBIDDEN" : "INVALID_STATE", code);
}
