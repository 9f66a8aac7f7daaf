-- "Closed after snapshot S" (deleted or changed since): a BRIN range summary on validTo
-- stops helping once a day's churn has closed a version in nearly every range, so the
-- closed versions get a partial btree instead — only they are indexed (~1 % of the
-- table's size). validFrom keeps its BRIN index: new versions are appended.
DROP INDEX "crm_company_version_validTo_brin";
CREATE INDEX "crm_company_version_closed_idx" ON "crm_company_version" ("accountId", "validTo") WHERE "validTo" IS NOT NULL;
DROP INDEX "crm_contact_version_validTo_brin";
CREATE INDEX "crm_contact_version_closed_idx" ON "crm_contact_version" ("accountId", "validTo") WHERE "validTo" IS NOT NULL;
DROP INDEX "crm_deal_version_validTo_brin";
CREATE INDEX "crm_deal_version_closed_idx" ON "crm_deal_version" ("accountId", "validTo") WHERE "validTo" IS NOT NULL;
DROP INDEX "crm_lead_version_validTo_brin";
CREATE INDEX "crm_lead_version_closed_idx" ON "crm_lead_version" ("accountId", "validTo") WHERE "validTo" IS NOT NULL;
DROP INDEX "crm_activity_version_validTo_brin";
CREATE INDEX "crm_activity_version_closed_idx" ON "crm_activity_version" ("accountId", "validTo") WHERE "validTo" IS NOT NULL;
DROP INDEX "crm_comment_version_validTo_brin";
CREATE INDEX "crm_comment_version_closed_idx" ON "crm_comment_version" ("accountId", "validTo") WHERE "validTo" IS NOT NULL;
DROP INDEX "crm_history_entry_version_validTo_brin";
CREATE INDEX "crm_history_entry_version_closed_idx" ON "crm_history_entry_version" ("accountId", "validTo") WHERE "validTo" IS NOT NULL;
DROP INDEX "crm_task_version_validTo_brin";
CREATE INDEX "crm_task_version_closed_idx" ON "crm_task_version" ("accountId", "validTo") WHERE "validTo" IS NOT NULL;
DROP INDEX "crm_product_version_validTo_brin";
CREATE INDEX "crm_product_version_closed_idx" ON "crm_product_version" ("accountId", "validTo") WHERE "validTo" IS NOT NULL;
DROP INDEX "crm_custom_field_version_validTo_brin";
CREATE INDEX "crm_custom_field_version_closed_idx" ON "crm_custom_field_version" ("accountId", "validTo") WHERE "validTo" IS NOT NULL;
