import type { Db } from "@/lib/db/client";
import type { TicketActor } from "@/lib/tickets/ticket-actor";

/** A support action on one ticket, at the version the actor saw. */
export type TicketTarget = { db: Db; actor: TicketActor; number: number; expectedVersion: number };
