-- Trigram indexes for the support queue's text search (ILIKE '%…%').
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "account_name_idx" ON "account" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "restore_ticket_description_idx" ON "restore_ticket" USING GIN ("description" gin_trgm_ops);
