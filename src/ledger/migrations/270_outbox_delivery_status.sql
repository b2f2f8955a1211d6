-- What the platform says became of a sent message (the Cloud API's status callbacks): delivered, read,
-- or failed with its error code. Found by the platform's message id, which the send recorded.
ALTER TABLE outbox ADD COLUMN delivery_status TEXT;
ALTER TABLE outbox ADD COLUMN delivery_status_at INTEGER;
CREATE INDEX outbox_platform_message ON outbox (transport, platform_message_id)
  WHERE platform_message_id IS NOT NULL;
-- A private message given up on is reported to coordinators once; what failed before this version is
-- not news any more.
ALTER TABLE outbox ADD COLUMN failure_reported_at INTEGER;
UPDATE outbox SET failure_reported_at = 0 WHERE state = 'failed';
CREATE INDEX outbox_failed_unreported ON outbox (id)
  WHERE state = 'failed' AND failure_reported_at IS NULL AND chat_kind = 'private';
