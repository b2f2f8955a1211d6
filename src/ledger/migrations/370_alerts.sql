-- Public alerts (`A-n`, issue 28): a coordinator's warning for an area with the CAP 1.2 urgency,
-- severity and certainty, published on the public page's CAP feed and sent to the area's groups as the
-- broadcast `broadcast_id`. The text was written for the public and passed the redaction.

CREATE TABLE alerts (
  id           INTEGER PRIMARY KEY,
  area         TEXT    NOT NULL,
  text         TEXT    NOT NULL,
  urgency      TEXT    NOT NULL,
  severity     TEXT    NOT NULL,
  certainty    TEXT    NOT NULL,
  language     TEXT    NOT NULL,
  author       TEXT    NOT NULL,
  broadcast_id INTEGER,
  created_at   INTEGER NOT NULL
);
