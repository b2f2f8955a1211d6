-- The dispatcher's lookup of due rows, replies first then oldest first, read in index order: without
-- it every pass sorted every pending row (tens of thousands behind a busy webhook or a broadcast).
CREATE INDEX outbox_queue ON outbox (transport, (kind <> 'reply'), id) WHERE state = 'pending';
