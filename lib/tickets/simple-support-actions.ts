import type { TicketAction } from "@/lib/tickets/state-machine";

/** Review steps that need nothing but the state machine's word. */
export const SIMPLE_SUPPORT_ACTIONS = ["START_REVIEW", "ASK_FOR_INFO", "REQUEST_APPROVAL", "REJECT"] as const satisfies readonly TicketAction[];
