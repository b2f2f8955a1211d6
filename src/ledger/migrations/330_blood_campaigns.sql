-- Drives (issue 32): blood donors with their consent, blood requests and whom they asked, and vetted
-- fundraising campaigns. The blood group is health data (UU 27/2022): kept only with the donor's consent,
-- erased by /forget, never in a group, a public page or an export.

CREATE TABLE donors (
  person_id     TEXT    PRIMARY KEY,
  abo           TEXT    NOT NULL CHECK (abo IN ('O', 'A', 'B', 'AB')),
  rh            TEXT    NOT NULL CHECK (rh IN ('+', '-')),
  last_donation INTEGER,
  lat           REAL,
  lon           REAL,
  area          TEXT,
  status        TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);

-- A blood request (`T-n`, for transfusion): the group, the bags, the hospital and the deadline.
CREATE TABLE blood_requests (
  id         INTEGER PRIMARY KEY,
  requester  TEXT    NOT NULL,
  abo        TEXT    NOT NULL,
  rh         TEXT    NOT NULL,
  bags       INTEGER NOT NULL CHECK (bags BETWEEN 1 AND 50),
  hospital   TEXT    NOT NULL,
  area       TEXT,
  lat        REAL,
  lon        REAL,
  deadline   INTEGER NOT NULL,
  status     TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'covered', 'closed')),
  last_wave  INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Each donor asked for a request, once; their answer is final for that request.
CREATE TABLE blood_asks (
  request_id  INTEGER NOT NULL REFERENCES blood_requests (id),
  person_id   TEXT    NOT NULL,
  asked_at    INTEGER NOT NULL,
  answer      TEXT    CHECK (answer IN ('yes', 'no')),
  answered_at INTEGER,
  PRIMARY KEY (request_id, person_id)
);

-- A vetted fundraising campaign (`F-n`): a link for an area, a posko or a request, and who vetted it.
CREATE TABLE campaigns (
  id         INTEGER PRIMARY KEY,
  url        TEXT    NOT NULL,
  label      TEXT    NOT NULL,
  for_ref    TEXT    NOT NULL,
  area       TEXT,
  vetted_by  TEXT    NOT NULL,
  vetted_at  INTEGER,
  status     TEXT    NOT NULL CHECK (status IN ('active', 'pending', 'withdrawn')),
  created_at INTEGER NOT NULL
);
