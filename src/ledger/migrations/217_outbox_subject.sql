-- The record a group post is about (`S-3`), so that a later change can bring that very post up to date
-- where the platform edits messages (Telegram's editMessageText) instead of posting again (issue 24).
ALTER TABLE outbox ADD COLUMN subject TEXT;
CREATE INDEX outbox_group_subject ON outbox (group_id, subject) WHERE subject IS NOT NULL;
