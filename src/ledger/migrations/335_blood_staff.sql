-- Hospitals where blood is asked for (issue 32): a place record like a posko, registered by the first
-- request that names it and found again by its name. Not personal: a hospital is a public place.
CREATE TABLE hospitals (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  area       TEXT,
  lat        REAL,
  lon        REAL,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX hospitals_name ON hospitals (lower(name));

-- Hospital or PMI staff a coordinator named: they ask for blood for their hospital, and a coordinator
-- verifies each such request before any donor is asked. The person is personal: /forget removes the row.
CREATE TABLE blood_staff (
  person_id   TEXT    PRIMARY KEY,
  hospital_id INTEGER NOT NULL REFERENCES hospitals (id),
  added_by    TEXT    NOT NULL,
  created_at  INTEGER NOT NULL
);

ALTER TABLE blood_requests ADD COLUMN hospital_id INTEGER REFERENCES hospitals (id);
-- 0 while a staff member's request waits for a coordinator; a coordinator's own request is verified as made.
ALTER TABLE blood_requests ADD COLUMN verified INTEGER NOT NULL DEFAULT 1;
