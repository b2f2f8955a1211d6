-- Safe and found (issue 31): check-ins ("I'm safe"), lookups of them by phone number, and reports of
-- missing people. Everything here is personal: erased by /forget and the retention purge, never in a
-- group, a public page, a feed or an export.

-- A check-in (`C-n`). `phone_key` is the canonical digits (src/domain/redaction.ts phoneKey) a family
-- looks it up by; `visibility` is the person's choice: anyone who knows the number, or coordinators only.
CREATE TABLE checkins (
  id         INTEGER PRIMARY KEY,
  person_id  TEXT    NOT NULL,
  name       TEXT,
  phone      TEXT    NOT NULL,
  phone_key  TEXT    NOT NULL,
  message    TEXT,
  area       TEXT,
  lat        REAL,
  lon        REAL,
  visibility TEXT    NOT NULL DEFAULT 'phone' CHECK (visibility IN ('phone', 'coordinators')),
  created_at INTEGER NOT NULL
);
CREATE INDEX checkins_phone ON checkins (phone_key, created_at);
CREATE INDEX checkins_person ON checkins (person_id);

-- Every /find: who looked for which number, and whether a check-in was shown (the RFL accountability
-- /whofound answers from, and the rate limit's count).
CREATE TABLE checkin_lookups (
  id         INTEGER PRIMARY KEY,
  seeker     TEXT    NOT NULL,
  phone_key  TEXT    NOT NULL,
  shown      INTEGER,
  at         INTEGER NOT NULL
);
CREATE INDEX checkin_lookups_seeker ON checkin_lookups (seeker, at);
CREATE INDEX checkin_lookups_phone ON checkin_lookups (phone_key, at);

-- A missing-person report (`M-n`), for coordinators only.
CREATE TABLE missing_reports (
  id           INTEGER PRIMARY KEY,
  reporter     TEXT    NOT NULL,
  name         TEXT    NOT NULL,
  age_range    TEXT    NOT NULL,
  last_place   TEXT,
  area         TEXT,
  last_seen    TEXT,
  contact      TEXT,
  description  TEXT,
  status       TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'found', 'closed')),
  found_in     TEXT,
  consent      TEXT    CHECK (consent IN ('asked', 'given', 'refused')),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX missing_reports_status ON missing_reports (status, area);
CREATE INDEX missing_reports_reporter ON missing_reports (reporter);
