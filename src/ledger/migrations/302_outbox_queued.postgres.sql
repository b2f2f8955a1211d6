-- One notification per committing transaction, whatever it queued: PostgreSQL folds identical ones.
CREATE FUNCTION outbox_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox_queued', '');
  RETURN NULL;
END $$;

CREATE TRIGGER outbox_queued AFTER INSERT ON outbox
FOR EACH STATEMENT EXECUTE FUNCTION outbox_queued();
