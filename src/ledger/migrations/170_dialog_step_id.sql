-- A dialog remembers the id of the step it waits at, not the step's position: a deploy that adds or
-- reorders steps resumes every dialog at the same question. A dialog saved by position cannot be mapped
-- to an id, so it keeps no step and restarts politely at its next answer.
CREATE TABLE dialogs_by_step_id (
  person_id  TEXT    NOT NULL,
  transport  TEXT    NOT NULL,
  chat_id    TEXT    NOT NULL,
  command    TEXT    NOT NULL,
  step       TEXT,
  data       TEXT    NOT NULL,
  choices    TEXT,
  started_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (person_id, transport, chat_id)
);
INSERT INTO dialogs_by_step_id
  SELECT person_id, transport, chat_id, command, NULL, data, choices, started_at, updated_at FROM dialogs;
DROP TABLE dialogs;
ALTER TABLE dialogs_by_step_id RENAME TO dialogs;
