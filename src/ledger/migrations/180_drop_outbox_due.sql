-- Every query outbox_due could serve is served by another index: counts of unsent rows by outbox_chat
-- (same rows, led by transport), the next due time by outbox_pending, the due rows by outbox_queue.
-- Each outbox row paid for it twice, an entry when queued and its removal when sent.
DROP INDEX outbox_due;
