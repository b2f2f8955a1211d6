-- Broadcasts and schedules: repeating schedules spawn one broadcast per run, each reported to its
-- author once all its delivery rows are final; jobs remember when they last ran, so a restart runs
-- what was due while the bot was down once, not once per missed tick.

ALTER TABLE broadcasts ADD COLUMN schedule_id INTEGER REFERENCES broadcasts (id);
ALTER TABLE broadcasts ADD COLUMN reported_at INTEGER;
CREATE INDEX broadcasts_state ON broadcasts (state, scheduled_at);
CREATE INDEX broadcasts_recent ON broadcasts (created_at);
-- The dispatcher's query asks for state = 'pending'; the foundation's partial index (state IN ...) does
-- not match it, so without this every pass scanned the whole outbox, sent rows included.
CREATE INDEX outbox_pending ON outbox (transport, next_at) WHERE state = 'pending';
CREATE INDEX outbox_group ON outbox (group_id, id) WHERE group_id IS NOT NULL;

CREATE TABLE job_runs (
  name        TEXT    PRIMARY KEY,
  last_run_at INTEGER NOT NULL
);

-- The "still needed?" question asked about an idle supply request, and its answer.
CREATE TABLE still_needed (
  request_id  INTEGER PRIMARY KEY REFERENCES requests (id),
  asked_at    INTEGER NOT NULL,
  answered_at INTEGER,
  answer      TEXT CHECK (answer IN ('yes', 'no'))
);

-- What the last situation report counted, so the next one can say what changed.
CREATE TABLE sitrep_snapshots (
  id    INTEGER PRIMARY KEY,
  at    INTEGER NOT NULL,
  stats TEXT    NOT NULL
);
