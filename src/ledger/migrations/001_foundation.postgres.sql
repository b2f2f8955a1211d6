-- PostgreSQL's form of 001's triggers: the event chain is append-only; a personal part can only be erased.
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'events are append-only';
  END IF;
  IF (NEW.id, NEW.at, NEW.actor, NEW.message_ref, NEW.kind, NEW.subject, NEW.payload, NEW.personal_hash,
      NEW.prev_hash, NEW.hash) IS DISTINCT FROM (OLD.id, OLD.at, OLD.actor, OLD.message_ref, OLD.kind,
      OLD.subject, OLD.payload, OLD.personal_hash, OLD.prev_hash, OLD.hash) THEN
    RAISE EXCEPTION 'events are append-only';
  END IF;
  IF NEW.personal IS NOT NULL AND NEW.personal IS DISTINCT FROM OLD.personal THEN
    RAISE EXCEPTION 'event personal data can only be erased';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
FOR EACH ROW EXECUTE FUNCTION events_append_only();
