-- A reporter who answers "none of these" to the conditions question has said something: the case reads
-- "conditions: none", not "not reported" (issue 24).
ALTER TABLE rescues ADD COLUMN conditions_none INTEGER NOT NULL DEFAULT 0;
