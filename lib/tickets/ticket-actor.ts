import type { TicketActorRole } from "@/lib/tickets/state-machine";

/** Whoever changes a ticket: a signed-in person or the restore runner (id null). */
export type TicketActor = { id: string | null; role: TicketActorRole; accountId: string | null };
