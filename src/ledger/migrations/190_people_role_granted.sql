-- Only granted roles are ever looked up (coordinators and admins, to tell them of new cases): the index
-- holds those few people, not an entry for every person who ever wrote, written with each new sender.
DROP INDEX people_role;
CREATE INDEX people_granted ON people (role) WHERE role <> 'anyone';
