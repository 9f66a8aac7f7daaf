-- The queue sorted by a timer (lib/tickets/list-support-tickets.ts, pageIdsByTimer) reads
-- each part of the timer in order from an index instead of computing every ticket's timer:
-- stopped timers by their length (the open tickets' first responses apart, so the open views
-- do not step over the closed tickets' ones), running ones by filing time (the open tickets
-- are the newest: the plain createdAt index stepped over all the closed ones first), the
-- first responses that never came by number.
-- Expressions and partial indexes: written here, not in the schema.
CREATE INDEX "restore_ticket_resolution_idx" ON "restore_ticket" (("closedAt" - "createdAt"), "number") WHERE "closedAt" IS NOT NULL;
CREATE INDEX "restore_ticket_first_response_idx" ON "restore_ticket" (("firstResponseAt" - "createdAt"), "number") WHERE "firstResponseAt" IS NOT NULL;
CREATE INDEX "restore_ticket_open_first_response_idx" ON "restore_ticket" (("firstResponseAt" - "createdAt"), "number") WHERE "firstResponseAt" IS NOT NULL AND "closedAt" IS NULL;
CREATE INDEX "restore_ticket_never_answered_idx" ON "restore_ticket" ("number") WHERE "firstResponseAt" IS NULL AND "closedAt" IS NOT NULL;
CREATE INDEX "restore_ticket_open_createdAt_idx" ON "restore_ticket" ("createdAt", "number") WHERE "closedAt" IS NULL;
