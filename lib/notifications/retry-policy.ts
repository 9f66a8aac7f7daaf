/**
 * When to try an email again. Pure. Doubling waits from 30 s, at most an
 * hour apart; after the eighth failed attempt (about 1 h 4 min after the
 * first) the email is given up, and the outbox page says why.
 */
export const MAX_ATTEMPTS = 8;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60_000;

export type RetryDecision = { giveUp: true } | { giveUp: false; nextAttemptAt: Date };

/** `attempts` counts the attempt that just failed (1 for the first). */
export function afterFailedAttempt(attempts: number, now: Date): RetryDecision {
  if (attempts >= MAX_ATTEMPTS) return { giveUp: true };
  const wait = Math.min(FIRST_WAIT_MS * 2 ** (attempts - 1), LONGEST_WAIT_MS);
  return { giveUp: false, nextAttemptAt: new Date(now.getTime() + wait) };
}
