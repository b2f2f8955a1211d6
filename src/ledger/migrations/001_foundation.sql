-- The foundation schema: the event chain, intake, people, dialogs, the outbox, and the state tables of
-- SPEC 3. Later migrations add to it; a migration is never edited once it has shipped.

-- Append-only, hash-chained log of every change. `personal` holds the fields the retention purge may
-- erase; the chain covers `personal_hash`, so erasing them keeps the chain verifiable.
CREATE TABLE events (
  id            INTEGER PRIMARY KEY,
  at            INTEGER NOT NULL,
  actor         TEXT    NOT NULL,
  message_ref   TEXT,
  kind          TEXT    NOT NULL,
  subject       TEXT,
  payload       TEXT    NOT NULL,
  personal      TEXT,
  personal_hash TEXT,
  prev_hash     TEXT    NOT NULL,
  hash          TEXT    NOT NULL
);
CREATE INDEX events_subject ON events (subject, id);

CREATE TRIGGER events_append_only_update
BEFORE UPDATE OF id, at, actor, message_ref, kind, subject, payload, personal_hash, prev_hash, hash ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TRIGGER events_append_only_personal
BEFORE UPDATE OF personal ON events WHEN NEW.personal IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'event personal data can only be erased'); END;

CREATE TRIGGER events_append_only_delete
BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- Every inbound message, once. The unique key makes a redelivery a no-op.
CREATE TABLE inbox (
  id           INTEGER PRIMARY KEY,
  transport    TEXT    NOT NULL,
  chat_id      TEXT    NOT NULL,
  message_id   TEXT    NOT NULL,
  sender       TEXT    NOT NULL,
  received_at  INTEGER NOT NULL,
  message      TEXT    NOT NULL,
  state        TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
  processed_at INTEGER,
  UNIQUE (transport, chat_id, message_id)
);
CREATE INDEX inbox_pending ON inbox (id) WHERE state = 'pending';

CREATE TABLE people (
  id               TEXT    PRIMARY KEY,
  display_name     TEXT,
  language         TEXT,
  language_hint    TEXT,
  role             TEXT    NOT NULL DEFAULT 'anyone' CHECK (role IN ('anyone', 'coordinator', 'admin')),
  reachable        INTEGER NOT NULL DEFAULT 1,
  last_lat         REAL,
  last_lon         REAL,
  last_location_at INTEGER,
  first_seen       INTEGER NOT NULL,
  last_seen        INTEGER NOT NULL
);

CREATE TABLE dialogs (
  person_id  TEXT    NOT NULL,
  transport  TEXT    NOT NULL,
  chat_id    TEXT    NOT NULL,
  command    TEXT    NOT NULL,
  step       INTEGER NOT NULL,
  data       TEXT    NOT NULL,
  choices    TEXT,
  started_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (person_id, transport, chat_id)
);

CREATE TABLE volunteers (
  id         INTEGER PRIMARY KEY,
  person_id  TEXT    NOT NULL UNIQUE,
  name       TEXT,
  skills     TEXT    NOT NULL DEFAULT '[]',
  area       TEXT,
  lat        REAL,
  lon        REAL,
  languages  TEXT    NOT NULL DEFAULT '[]',
  phone      TEXT,
  available  INTEGER NOT NULL DEFAULT 1,
  status     TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE requests (
  id                 INTEGER PRIMARY KEY,
  requester          TEXT    NOT NULL,
  items              TEXT    NOT NULL DEFAULT '[]',
  people_count       INTEGER,
  lat                REAL,
  lon                REAL,
  address            TEXT,
  area               TEXT,
  urgency            TEXT    NOT NULL DEFAULT 'normal' CHECK (urgency IN ('low', 'normal', 'high', 'critical')),
  contact            TEXT,
  notes              TEXT,
  status             TEXT    NOT NULL DEFAULT 'new' CHECK (status IN
                       ('new', 'verified', 'assigned', 'delivered', 'closed', 'cancelled', 'duplicate', 'rejected')),
  assigned_volunteer INTEGER REFERENCES volunteers (id),
  duplicate_of       INTEGER REFERENCES requests (id),
  status_reason      TEXT,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
);
CREATE INDEX requests_status ON requests (status, area);
CREATE INDEX requests_requester ON requests (requester);

CREATE TABLE rescues (
  id                 INTEGER PRIMARY KEY,
  reporter           TEXT    NOT NULL,
  lat                REAL,
  lon                REAL,
  address            TEXT,
  area               TEXT,
  needs_location_check INTEGER NOT NULL DEFAULT 0,
  people_count       INTEGER,
  conditions         TEXT    NOT NULL DEFAULT '[]',
  contact            TEXT,
  notes              TEXT,
  status             TEXT    NOT NULL DEFAULT 'open' CHECK (status IN
                       ('open', 'acknowledged', 'team_assigned', 'rescued', 'closed')),
  escalation_level   INTEGER NOT NULL DEFAULT 0,
  escalated_at       INTEGER,
  acknowledged_at    INTEGER,
  acknowledged_by    TEXT,
  assigned_volunteer INTEGER REFERENCES volunteers (id),
  status_reason      TEXT,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
);
CREATE INDEX rescues_status ON rescues (status, area);
CREATE INDEX rescues_reporter ON rescues (reporter, created_at);

CREATE TABLE groups (
  id            INTEGER PRIMARY KEY,
  transport     TEXT    NOT NULL,
  chat_id       TEXT    NOT NULL,
  title         TEXT,
  topics        TEXT    NOT NULL DEFAULT '[]',
  area          TEXT,
  language      TEXT,
  active        INTEGER NOT NULL DEFAULT 1,
  reachable     INTEGER NOT NULL DEFAULT 1,
  registered_by TEXT,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  UNIQUE (transport, chat_id)
);

CREATE TABLE broadcasts (
  id           INTEGER PRIMARY KEY,
  author       TEXT    NOT NULL,
  text         TEXT    NOT NULL,
  target       TEXT    NOT NULL,
  scheduled_at INTEGER,
  cron         TEXT,
  state        TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('scheduled', 'pending', 'done', 'cancelled')),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);

-- Everything outbound: replies, notices, announcements and broadcast deliveries (one row per target
-- group, `broadcast_id` set). Written in the same transaction as the change that caused it.
CREATE TABLE outbox (
  id                  INTEGER PRIMARY KEY,
  transport           TEXT    NOT NULL,
  chat_id             TEXT    NOT NULL,
  chat_kind           TEXT    NOT NULL CHECK (chat_kind IN ('private', 'group')),
  kind                TEXT    NOT NULL CHECK (kind IN ('reply', 'notice', 'group')),
  text                TEXT    NOT NULL,
  extra               TEXT,
  inbox_id            INTEGER REFERENCES inbox (id),
  broadcast_id        INTEGER REFERENCES broadcasts (id),
  group_id            INTEGER REFERENCES groups (id),
  state               TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts            INTEGER NOT NULL DEFAULT 0,
  next_at             INTEGER NOT NULL,
  last_error          TEXT,
  platform_message_id TEXT,
  created_at          INTEGER NOT NULL,
  sent_at             INTEGER
);
CREATE INDEX outbox_due ON outbox (transport, next_at) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_broadcast ON outbox (broadcast_id) WHERE broadcast_id IS NOT NULL;
-- Messages to one chat go out in order: the dispatcher looks for an earlier unsent row per chat.
CREATE INDEX outbox_chat ON outbox (transport, chat_id, id) WHERE state IN ('pending', 'sending');
