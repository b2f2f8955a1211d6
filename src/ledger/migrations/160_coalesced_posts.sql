-- One reporter cannot fill a group (issue 14): the group posts a reporter causes about their cases are
-- coalesced. A row is one window: when its last post went out, and what is held for the post due when
-- the window ends. It names a case, never a person (the reporter is found through the case), and lives
-- minutes: rows whose window ended with nothing held are pruned by the job that posts the held ones.
CREATE TABLE coalesced_posts (
  case_id    INTEGER NOT NULL REFERENCES rescues (id),
  -- 'relocated': one case's new places (5 minutes); 'cycle': a reporter's opened/rescued posts (10 minutes)
  kind       TEXT    NOT NULL CHECK (kind IN ('relocated', 'cycle')),
  posted_at  INTEGER NOT NULL,
  -- The area the groups last heard for this case (relocations): a held move back there needs no post.
  area       TEXT,
  -- When the reporter last said one of their cases was rescued: their next SOS in the window is a cycle.
  closed_at  INTEGER,
  due_at     INTEGER,
  -- What was held, in order: [{"case": 3, "what": "opened"}, ...]; the post is built from the cases' state.
  held       TEXT    NOT NULL DEFAULT '[]',
  PRIMARY KEY (case_id, kind)
);
CREATE INDEX coalesced_posts_due ON coalesced_posts (due_at) WHERE due_at IS NOT NULL;
