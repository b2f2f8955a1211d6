-- One reporter, one window per group (issue 23): "at most one post per 5 minutes per group". A window
-- per reporter and group, so a group that has not heard from the reporter yet (the case just got its
-- area) hears at once, while one that has waits for the window's end.
DROP TABLE coalesced_posts;
CREATE TABLE coalesced_posts (
  -- The case whose post opened the window: the reporter is found through it (no person named here).
  case_id   INTEGER NOT NULL REFERENCES rescues (id),
  group_id  INTEGER NOT NULL REFERENCES groups (id),
  posted_at INTEGER NOT NULL,
  due_at    INTEGER,
  -- Cases with changes held for the post due when the window ends: [3, 5].
  held      TEXT    NOT NULL DEFAULT '[]',
  -- Per case, what the group last read: {"3": {"area": "DIY/Bantul", "active": true, "people": 4, "conditions": "[]"}}.
  heard     TEXT    NOT NULL DEFAULT '{}',
  PRIMARY KEY (case_id, group_id)
);
CREATE INDEX coalesced_posts_due ON coalesced_posts (due_at) WHERE due_at IS NOT NULL;
