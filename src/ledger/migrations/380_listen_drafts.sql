-- Listen mode (issue 34): a coordinator turns it on per registered group; off by default.
ALTER TABLE groups ADD COLUMN listening INTEGER NOT NULL DEFAULT 0;

-- A draft (`D-n`): what the bot read in a listened group, for coordinators to confirm, merge or discard.
-- Personal throughout (`words` is what a person wrote, `reading` what was read from it): shown to
-- coordinators privately only, erased by /forget and the retention purge, never exported by default.
-- `fingerprint` is a hash of the folded words, so the same text forwarded into several groups is one
-- draft; `seen_in` counts the groups it came from. `result` is what the decision made (`R-4`, `O-2`,
-- `S-3`, or the draft or request it was merged into). A danger draft escalates like a rescue case
-- until a coordinator answers it.
CREATE TABLE drafts (
  id                INTEGER PRIMARY KEY,
  kind              TEXT    NOT NULL CHECK (kind IN ('need', 'offer', 'danger')),
  status            TEXT    NOT NULL DEFAULT 'pending'
                            CHECK (status IN ('pending', 'confirmed', 'merged', 'discarded', 'rescue')),
  writer            TEXT    NOT NULL,
  group_id          INTEGER NOT NULL,
  seen_in           INTEGER NOT NULL DEFAULT 1,
  fingerprint       TEXT    NOT NULL,
  words             TEXT    NOT NULL,
  reading           TEXT    NOT NULL,
  area              TEXT,
  result            TEXT,
  decided_by        TEXT,
  escalation_level  INTEGER NOT NULL DEFAULT 0,
  last_escalated_at INTEGER,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL
);
CREATE INDEX drafts_fingerprint ON drafts (fingerprint, created_at);
CREATE INDEX drafts_writer ON drafts (writer);
CREATE INDEX drafts_pending ON drafts (status, kind, created_at);
