-- One reporter, one window (issue 23): the group posts one reporter's cases cause (opens, moves,
-- all-clears, details added) share one window per reporter, across all their cases, instead of a
-- window per case for moves and another for open/close cycles. A row is the window of the reporter of
-- `case_id` (the case whose post opened it; it names no person), what waits for its end, and what the
-- groups last read of each case, so the post at its end says only what is news.
DROP TABLE coalesced_posts;
CREATE TABLE coalesced_posts (
  case_id   INTEGER PRIMARY KEY REFERENCES rescues (id),
  posted_at INTEGER NOT NULL,
  due_at    INTEGER,
  -- Cases with changes held for the post due when the window ends: [3, 5].
  held      TEXT    NOT NULL DEFAULT '[]',
  -- Per case, what the groups last read: {"3": {"area": "DIY/Bantul", "active": true, "people": 4, "conditions": "[]"}}.
  heard     TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX coalesced_posts_due ON coalesced_posts (due_at) WHERE due_at IS NOT NULL;
