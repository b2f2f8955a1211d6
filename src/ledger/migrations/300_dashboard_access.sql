-- The coordinators' dashboard: single-use sign-in links and sessions, each kept only as the SHA-256
-- hash of its token, so a copy of the database signs nobody in.
CREATE TABLE dashboard_links (
  token_hash TEXT    PRIMARY KEY,
  person_id  TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
);
CREATE INDEX dashboard_links_person ON dashboard_links (person_id);
CREATE TABLE dashboard_sessions (
  token_hash TEXT    PRIMARY KEY,
  person_id  TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL
);
CREATE INDEX dashboard_sessions_person ON dashboard_sessions (person_id);
-- The dashboard's figures read the last 24 hours of assignments by kind and time.
CREATE INDEX events_kind_at ON events (kind, at);
