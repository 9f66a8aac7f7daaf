-- The row change log (issue 14): every write to an account table records the
-- ids it touched, so a snapshot or a preview compares only those rows instead
-- of fingerprinting the whole account. Statement-level triggers with
-- transition tables: one INSERT … SELECT per statement, however many rows.

-- CreateTable
CREATE TABLE "account_row_change" (
    "seq" BIGSERIAL NOT NULL,
    "accountId" UUID NOT NULL,
    "tableKey" TEXT NOT NULL,
    "id" UUID NOT NULL,

    CONSTRAINT "account_row_change_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "account_row_change_accountId_tableKey_idx" ON "account_row_change"("accountId", "tableKey");

CREATE FUNCTION record_row_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO account_row_change ("accountId", "tableKey", id) SELECT n."accountId", TG_ARGV[0], n.id FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Old keys too: an update that moves a row (a new id or account) changed both.
    INSERT INTO account_row_change ("accountId", "tableKey", id)
    SELECT k."accountId", TG_ARGV[0], k.id FROM (SELECT "accountId", id FROM new_rows UNION SELECT "accountId", id FROM old_rows) k;
  ELSE
    INSERT INTO account_row_change ("accountId", "tableKey", id) SELECT o."accountId", TG_ARGV[0], o.id FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "crm_company_changes_insert" AFTER INSERT ON "crm_company" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('company');
CREATE TRIGGER "crm_company_changes_update" AFTER UPDATE ON "crm_company" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('company');
CREATE TRIGGER "crm_company_changes_delete" AFTER DELETE ON "crm_company" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('company');

CREATE TRIGGER "crm_contact_changes_insert" AFTER INSERT ON "crm_contact" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('contact');
CREATE TRIGGER "crm_contact_changes_update" AFTER UPDATE ON "crm_contact" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('contact');
CREATE TRIGGER "crm_contact_changes_delete" AFTER DELETE ON "crm_contact" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('contact');

CREATE TRIGGER "crm_deal_changes_insert" AFTER INSERT ON "crm_deal" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('deal');
CREATE TRIGGER "crm_deal_changes_update" AFTER UPDATE ON "crm_deal" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('deal');
CREATE TRIGGER "crm_deal_changes_delete" AFTER DELETE ON "crm_deal" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('deal');

CREATE TRIGGER "crm_lead_changes_insert" AFTER INSERT ON "crm_lead" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('lead');
CREATE TRIGGER "crm_lead_changes_update" AFTER UPDATE ON "crm_lead" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('lead');
CREATE TRIGGER "crm_lead_changes_delete" AFTER DELETE ON "crm_lead" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('lead');

CREATE TRIGGER "crm_activity_changes_insert" AFTER INSERT ON "crm_activity" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('activity');
CREATE TRIGGER "crm_activity_changes_update" AFTER UPDATE ON "crm_activity" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('activity');
CREATE TRIGGER "crm_activity_changes_delete" AFTER DELETE ON "crm_activity" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('activity');

CREATE TRIGGER "crm_comment_changes_insert" AFTER INSERT ON "crm_comment" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('comment');
CREATE TRIGGER "crm_comment_changes_update" AFTER UPDATE ON "crm_comment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('comment');
CREATE TRIGGER "crm_comment_changes_delete" AFTER DELETE ON "crm_comment" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('comment');

CREATE TRIGGER "crm_history_entry_changes_insert" AFTER INSERT ON "crm_history_entry" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('history');
CREATE TRIGGER "crm_history_entry_changes_update" AFTER UPDATE ON "crm_history_entry" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('history');
CREATE TRIGGER "crm_history_entry_changes_delete" AFTER DELETE ON "crm_history_entry" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('history');

CREATE TRIGGER "crm_task_changes_insert" AFTER INSERT ON "crm_task" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('task');
CREATE TRIGGER "crm_task_changes_update" AFTER UPDATE ON "crm_task" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('task');
CREATE TRIGGER "crm_task_changes_delete" AFTER DELETE ON "crm_task" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('task');

CREATE TRIGGER "crm_product_changes_insert" AFTER INSERT ON "crm_product" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('product');
CREATE TRIGGER "crm_product_changes_update" AFTER UPDATE ON "crm_product" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('product');
CREATE TRIGGER "crm_product_changes_delete" AFTER DELETE ON "crm_product" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('product');

CREATE TRIGGER "crm_custom_field_changes_insert" AFTER INSERT ON "crm_custom_field" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('customField');
CREATE TRIGGER "crm_custom_field_changes_update" AFTER UPDATE ON "crm_custom_field" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('customField');
CREATE TRIGGER "crm_custom_field_changes_delete" AFTER DELETE ON "crm_custom_field" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_row_changes('customField');

-- Changes made before this migration were not recorded: every existing row and
-- every current version counts as changed once, so the first snapshot of each
-- account compares everything and the log is complete from there on.
INSERT INTO account_row_change ("accountId", "tableKey", id) SELECT "accountId", 'company', id FROM "crm_company" UNION SELECT "accountId", 'company', id FROM "crm_company_version" WHERE "validTo" IS NULL;
INSERT INTO account_row_change ("accountId", "tableKey", id) SELECT "accountId", 'contact', id FROM "crm_contact" UNION SELECT "accountId", 'contact', id FROM "crm_contact_version" WHERE "validTo" IS NULL;
INSERT INTO account_row_change ("accountId", "tableKey", id) SELECT "accountId", 'deal', id FROM "crm_deal" UNION SELECT "accountId", 'deal', id FROM "crm_deal_version" WHERE "validTo" IS NULL;
INSERT INTO account_row_change ("accountId", "tableKey", id) SELECT "accountId", 'lead', id FROM "crm_lead" UNION SELECT "accountId", 'lead', id FROM "crm_lead_version" WHERE "validTo" IS NULL;
INSERT INTO account_row_change ("accountId", "tableKey", id) SELECT "accountId", 'activity', id FROM "crm_activity" UNION SELECT "accountId", 'activity', id FROM "crm_activity_version" WHERE "validTo" IS NULL;
INSERT INTO account_row_change ("accountId", "tableKey", id) SELECT "accountId", 'comment', id FROM "crm_comment" UNION SELECT "accountId", 'comment', id FROM "crm_comment_version" WHERE "validTo" IS NULL;
INSERT INTO account_row_change ("accountId", "tableKey", id) SELECT "accountId", 'history', id FROM "crm_history_entry" UNION SELECT "accountId", 'history', id FROM "crm_history_entry_version" WHERE "validTo" IS NULL;
INSERT INTO account_row_change ("accountId", "tableKey", id) SELECT "accountId", 'task', id FROM "crm_task" UNION SELECT "accountId", 'task', id FROM "crm_task_version" WHERE "validTo" IS NULL;
INSERT INTO account_row_change ("accountId", "tableKey", id) SELECT "accountId", 'product', id FROM "crm_product" UNION SELECT "accountId", 'product', id FROM "crm_product_version" WHERE "validTo" IS NULL;
INSERT INTO account_row_change ("accountId", "tableKey", id) SELECT "accountId", 'customField', id FROM "crm_custom_field" UNION SELECT "accountId", 'customField', id FROM "crm_custom_field_version" WHERE "validTo" IS NULL;
