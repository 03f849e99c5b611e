-- Every node keeps the portal state (clock, generation, faults version) in memory and is told of a change through
-- the database: any update of the one row counts up its version and notifies the channel b24_portal_state when it
-- commits, whoever made it (a REST call on any node, a command on the store, a hand-written UPDATE). The version
-- lets a node that read the row twice keep the newer of the two.
ALTER TABLE b24_portal.state ADD COLUMN version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION b24_portal.state_versioned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END
$$;

CREATE FUNCTION b24_portal.state_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('b24_portal_state', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER state_versioned BEFORE UPDATE ON b24_portal.state
  FOR EACH ROW EXECUTE FUNCTION b24_portal.state_versioned();
CREATE TRIGGER state_changed AFTER UPDATE ON b24_portal.state
  FOR EACH STATEMENT EXECUTE FUNCTION b24_portal.state_changed();
