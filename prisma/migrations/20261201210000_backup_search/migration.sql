-- Previews, record lists and selective restores look for the versions created or
-- closed after a snapshot. Versions are appended in snapshot order, so BRIN ranges
-- (kilobytes each) find them without scanning the whole history table.
CREATE INDEX "crm_company_version_validFrom_brin" ON "crm_company_version" USING BRIN ("validFrom");
CREATE INDEX "crm_company_version_validTo_brin" ON "crm_company_version" USING BRIN ("validTo");
CREATE INDEX "crm_contact_version_validFrom_brin" ON "crm_contact_version" USING BRIN ("validFrom");
CREATE INDEX "crm_contact_version_validTo_brin" ON "crm_contact_version" USING BRIN ("validTo");
CREATE INDEX "crm_deal_version_validFrom_brin" ON "crm_deal_version" USING BRIN ("validFrom");
CREATE INDEX "crm_deal_version_validTo_brin" ON "crm_deal_version" USING BRIN ("validTo");
CREATE INDEX "crm_lead_version_validFrom_brin" ON "crm_lead_version" USING BRIN ("validFrom");
CREATE INDEX "crm_lead_version_validTo_brin" ON "crm_lead_version" USING BRIN ("validTo");
CREATE INDEX "crm_activity_version_validFrom_brin" ON "crm_activity_version" USING BRIN ("validFrom");
CREATE INDEX "crm_activity_version_validTo_brin" ON "crm_activity_version" USING BRIN ("validTo");
CREATE INDEX "crm_comment_version_validFrom_brin" ON "crm_comment_version" USING BRIN ("validFrom");
CREATE INDEX "crm_comment_version_validTo_brin" ON "crm_comment_version" USING BRIN ("validTo");
CREATE INDEX "crm_history_entry_version_validFrom_brin" ON "crm_history_entry_version" USING BRIN ("validFrom");
CREATE INDEX "crm_history_entry_version_validTo_brin" ON "crm_history_entry_version" USING BRIN ("validTo");
CREATE INDEX "crm_task_version_validFrom_brin" ON "crm_task_version" USING BRIN ("validFrom");
CREATE INDEX "crm_task_version_validTo_brin" ON "crm_task_version" USING BRIN ("validTo");
CREATE INDEX "crm_product_version_validFrom_brin" ON "crm_product_version" USING BRIN ("validFrom");
CREATE INDEX "crm_product_version_validTo_brin" ON "crm_product_version" USING BRIN ("validTo");
CREATE INDEX "crm_custom_field_version_validFrom_brin" ON "crm_custom_field_version" USING BRIN ("validFrom");
CREATE INDEX "crm_custom_field_version_validTo_brin" ON "crm_custom_field_version" USING BRIN ("validTo");

-- Search this backup: a trigram index on each pickable type's search text
-- (lib/account-data/record-label.ts, recordSearchTextSql — the same expression).
CREATE INDEX "crm_contact_version_search_idx" ON "crm_contact_version" USING GIN ((coalesce("firstName", '') || ' ' || coalesce("lastName", '') || ' ' || coalesce(email, '')) gin_trgm_ops);
CREATE INDEX "crm_company_version_search_idx" ON "crm_company_version" USING GIN ((coalesce(name, '') || ' ' || coalesce(email, '')) gin_trgm_ops);
CREATE INDEX "crm_deal_version_search_idx" ON "crm_deal_version" USING GIN ((coalesce(title, '')) gin_trgm_ops);
CREATE INDEX "crm_lead_version_search_idx" ON "crm_lead_version" USING GIN ((coalesce(title, '') || ' ' || coalesce(name, '') || ' ' || coalesce(email, '')) gin_trgm_ops);
CREATE INDEX "crm_task_version_search_idx" ON "crm_task_version" USING GIN ((coalesce(title, '')) gin_trgm_ops);
CREATE INDEX "crm_product_version_search_idx" ON "crm_product_version" USING GIN ((coalesce(name, '') || ' ' || coalesce(sku, '')) gin_trgm_ops);
