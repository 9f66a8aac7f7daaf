"use client";

const KEY = "support.queueHref";

/** The queue view (filters, sort, page) the agent last looked at, so "back to the queue" returns there. */
export function rememberQueueHref(href: string) {
  try {
    sessionStorage.setItem(KEY, href);
  } catch {
    // Storage refused (private mode, quota): back goes to the default queue.
  }
}

export function rememberedQueueHref(): string {
  try {
    const href = sessionStorage.getItem(KEY);
    if (href?.startsWith("/support/tickets")) return href;
  } catch {
    // As above.
  }
  return "/support/tickets";
}
