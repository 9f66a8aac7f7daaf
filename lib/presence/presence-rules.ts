/** How often an open ticket page says "still here" (and learns who else is). */
export const PRESENCE_HEARTBEAT_MS = 3_000;
/** Someone not heard from for this long has left (closed the tab, lost the network, slept). */
export const PRESENCE_STALE_MS = 12_000;
/** "Typing" lasts this long after the last key stroke. */
export const TYPING_FRESH_MS = 5_000;

export function presenceCutoff(now: Date): Date {
  return new Date(now.getTime() - PRESENCE_STALE_MS);
}
