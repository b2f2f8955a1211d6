-- Every announcement that tells coordinators looks them up by role; without this index each /need
-- scanned the whole people table (the intake benchmark's largest self-time).
CREATE INDEX IF NOT EXISTS people_role ON people (role);
