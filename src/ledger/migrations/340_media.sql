-- Photos, voice notes and other media people send (issue 30). The file lives under data/media/, named
-- by its SHA-256; this row, written in the transaction that records the message, is what makes it
-- servable. `subject` is the case or request it was attached to (`S-3`, `R-12`), null until then.
CREATE TABLE attachments (
  id         INTEGER PRIMARY KEY,
  inbox_id   INTEGER NOT NULL UNIQUE,
  person     TEXT    NOT NULL,
  type       TEXT    NOT NULL CHECK (type IN ('photo', 'voice', 'audio', 'video', 'document')),
  sha256     TEXT    NOT NULL,
  bytes      INTEGER NOT NULL,
  mime       TEXT    NOT NULL,
  subject    TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX attachments_person ON attachments (person, subject);
CREATE INDEX attachments_subject ON attachments (subject);
CREATE INDEX attachments_sha256 ON attachments (sha256);
