-- Sessions end when who someone is changes: a disabled user, a new role
-- (lead flag, kind, account) or a change of account owner (admin ↔ member)
-- bumps the session version, so every cookie issued before is refused on its
-- next request — whoever makes the change, app or SQL.
CREATE OR REPLACE FUNCTION app_user_revoke_sessions() RETURNS trigger AS $$
BEGIN
  IF NEW."disabledAt" IS DISTINCT FROM OLD."disabledAt"
     OR NEW."isLead" IS DISTINCT FROM OLD."isLead"
     OR NEW.kind IS DISTINCT FROM OLD.kind
     OR NEW."accountId" IS DISTINCT FROM OLD."accountId"
     OR NEW."passwordHash" IS DISTINCT FROM OLD."passwordHash" THEN
    NEW."sessionVersion" := OLD."sessionVersion" + 1;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER app_user_revoke_sessions_on_change
  BEFORE UPDATE ON "app_user"
  FOR EACH ROW EXECUTE FUNCTION app_user_revoke_sessions();

CREATE OR REPLACE FUNCTION account_owner_revoke_sessions() RETURNS trigger AS $$
BEGIN
  IF NEW."ownerId" IS DISTINCT FROM OLD."ownerId" THEN
    UPDATE "app_user" SET "sessionVersion" = "sessionVersion" + 1 WHERE id IN (OLD."ownerId", NEW."ownerId");
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER account_owner_revoke_sessions_on_change
  AFTER UPDATE OF "ownerId" ON "account"
  FOR EACH ROW EXECUTE FUNCTION account_owner_revoke_sessions();
