-- The ticket timeline is an audit trail: rows are added, never changed or removed.
CREATE OR REPLACE FUNCTION ticket_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ticket_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ticket_event_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "ticket_event"
  FOR EACH ROW EXECUTE FUNCTION ticket_event_append_only();
