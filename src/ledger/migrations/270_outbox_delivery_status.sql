-- What the platform says became of a sent message (the Cloud API's status callbacks): delivered, read,
-- or failed with its error code. Found by the platform's message id, which the send recorded.
ALTER TABLE outbox ADD COLUMN delivery_status TEXT;
ALTER TABLE outbox ADD COLUMN delivery_status_at INTEGER;
CREATE INDEX outbox_platform_message ON outbox (transport, platform_message_id)
  WHERE platform_message_id IS NOT NULL;
