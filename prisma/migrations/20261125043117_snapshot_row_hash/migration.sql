-- Each snapshot row keeps its fingerprint, so previews and restore checks
-- compare against the snapshot without rehashing it. Existing rows are backfilled
-- with the same expression the app uses (lib/account-data/tables.ts rowFingerprint).

ALTER TABLE "snap_crm_company" ADD COLUMN "rowHash" BIGINT;
UPDATE "snap_crm_company" t SET "rowHash" = hashtextextended(ROW(t."id", t."name", t."industry", t."website", t."email", t."phone", t."city", t."country", t."customFields", t."createdAt", t."updatedAt")::text, 0);
ALTER TABLE "snap_crm_company" ALTER COLUMN "rowHash" SET NOT NULL;

ALTER TABLE "snap_crm_contact" ADD COLUMN "rowHash" BIGINT;
UPDATE "snap_crm_contact" t SET "rowHash" = hashtextextended(ROW(t."id", t."companyId", t."firstName", t."lastName", t."email", t."phone", t."position", t."customFields", t."createdAt", t."updatedAt")::text, 0);
ALTER TABLE "snap_crm_contact" ALTER COLUMN "rowHash" SET NOT NULL;

ALTER TABLE "snap_crm_deal" ADD COLUMN "rowHash" BIGINT;
UPDATE "snap_crm_deal" t SET "rowHash" = hashtextextended(ROW(t."id", t."companyId", t."contactId", t."title", t."stage", t."amount", t."currency", t."closeDate", t."customFields", t."createdAt", t."updatedAt")::text, 0);
ALTER TABLE "snap_crm_deal" ALTER COLUMN "rowHash" SET NOT NULL;

ALTER TABLE "snap_crm_lead" ADD COLUMN "rowHash" BIGINT;
UPDATE "snap_crm_lead" t SET "rowHash" = hashtextextended(ROW(t."id", t."title", t."name", t."email", t."phone", t."source", t."status", t."customFields", t."createdAt", t."updatedAt")::text, 0);
ALTER TABLE "snap_crm_lead" ALTER COLUMN "rowHash" SET NOT NULL;

ALTER TABLE "snap_crm_activity" ADD COLUMN "rowHash" BIGINT;
UPDATE "snap_crm_activity" t SET "rowHash" = hashtextextended(ROW(t."id", t."entityType", t."entityId", t."kind", t."subject", t."dueAt", t."done", t."createdAt", t."updatedAt")::text, 0);
ALTER TABLE "snap_crm_activity" ALTER COLUMN "rowHash" SET NOT NULL;

ALTER TABLE "snap_crm_comment" ADD COLUMN "rowHash" BIGINT;
UPDATE "snap_crm_comment" t SET "rowHash" = hashtextextended(ROW(t."id", t."entityType", t."entityId", t."authorName", t."body", t."createdAt", t."updatedAt")::text, 0);
ALTER TABLE "snap_crm_comment" ALTER COLUMN "rowHash" SET NOT NULL;

ALTER TABLE "snap_crm_history_entry" ADD COLUMN "rowHash" BIGINT;
UPDATE "snap_crm_history_entry" t SET "rowHash" = hashtextextended(ROW(t."id", t."entityType", t."entityId", t."action", t."field", t."oldValue", t."newValue", t."createdAt", t."updatedAt")::text, 0);
ALTER TABLE "snap_crm_history_entry" ALTER COLUMN "rowHash" SET NOT NULL;

ALTER TABLE "snap_crm_task" ADD COLUMN "rowHash" BIGINT;
UPDATE "snap_crm_task" t SET "rowHash" = hashtextextended(ROW(t."id", t."title", t."description", t."status", t."dueDate", t."responsible", t."createdAt", t."updatedAt")::text, 0);
ALTER TABLE "snap_crm_task" ALTER COLUMN "rowHash" SET NOT NULL;

ALTER TABLE "snap_crm_product" ADD COLUMN "rowHash" BIGINT;
UPDATE "snap_crm_product" t SET "rowHash" = hashtextextended(ROW(t."id", t."name", t."sku", t."price", t."currency", t."active", t."createdAt", t."updatedAt")::text, 0);
ALTER TABLE "snap_crm_product" ALTER COLUMN "rowHash" SET NOT NULL;

ALTER TABLE "snap_crm_custom_field" ADD COLUMN "rowHash" BIGINT;
UPDATE "snap_crm_custom_field" t SET "rowHash" = hashtextextended(ROW(t."id", t."entityType", t."code", t."label", t."fieldType", t."createdAt", t."updatedAt")::text, 0);
ALTER TABLE "snap_crm_custom_field" ALTER COLUMN "rowHash" SET NOT NULL;
