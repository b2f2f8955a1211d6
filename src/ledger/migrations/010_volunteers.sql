-- Volunteers: the skills catalog and the geo index behind the nearest-volunteers query.

-- Skill ids (SPEC 3) with the small numeric code the geo index uses. src/core/skills.ts lists the same
-- ids in the same order (a test keeps them equal); a new skill is a row here and a line there.
CREATE TABLE skills (
  id   TEXT    PRIMARY KEY,
  code INTEGER NOT NULL UNIQUE CHECK (code BETWEEN 1 AND 31)
);
INSERT INTO skills (id, code) VALUES
  ('medical', 1), ('sar', 2), ('boat', 3), ('driver', 4), ('logistics', 5),
  ('cooking', 6), ('shelter', 7), ('translation', 8), ('counselling', 9), ('other', 10);

-- The centre of the volunteer's area: where a volunteer who named an area but shared no location is
-- placed in the index, so they are found by the nearest query too.
ALTER TABLE volunteers ADD COLUMN area_lat REAL;
ALTER TABLE volunteers ADD COLUMN area_lon REAL;

CREATE INDEX volunteers_status_area ON volunteers (status, area);

-- One point per active volunteer and skill, plus one for "any skill" (code 0): rowid = id * 32 + code,
-- and the third dimension is code * 2 + available. A query for "available boat volunteers in this box"
-- therefore visits only matching points, however rare the skill (a 2-D index plus a filter would read
-- every volunteer in an ever larger box). Triggers keep it in step with the table, whoever writes it.
CREATE VIRTUAL TABLE volunteers_geo USING rtree (id, min_lat, max_lat, min_lon, max_lon, min_key, max_key);

CREATE TRIGGER volunteers_geo_insert AFTER INSERT ON volunteers
BEGIN
  INSERT INTO volunteers_geo (id, min_lat, max_lat, min_lon, max_lon, min_key, max_key)
  SELECT NEW.id * 32 + c.code, p.lat, p.lat, p.lon, p.lon,
         c.code * 2 + (NEW.available != 0), c.code * 2 + (NEW.available != 0)
  FROM (SELECT IIF(NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL, NEW.lat, NEW.area_lat) AS lat,
               IIF(NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL, NEW.lon, NEW.area_lon) AS lon) AS p,
       (SELECT 0 AS code UNION SELECT code FROM skills WHERE id IN (SELECT value FROM json_each(NEW.skills))) AS c
  WHERE NEW.status = 'active' AND p.lat IS NOT NULL AND p.lon IS NOT NULL;
END;

CREATE TRIGGER volunteers_geo_update AFTER UPDATE OF lat, lon, area_lat, area_lon, skills, available, status
ON volunteers
BEGIN
  DELETE FROM volunteers_geo
  WHERE id IN (SELECT OLD.id * 32 + code FROM (SELECT 0 AS code UNION ALL SELECT code FROM skills));
  INSERT INTO volunteers_geo (id, min_lat, max_lat, min_lon, max_lon, min_key, max_key)
  SELECT NEW.id * 32 + c.code, p.lat, p.lat, p.lon, p.lon,
         c.code * 2 + (NEW.available != 0), c.code * 2 + (NEW.available != 0)
  FROM (SELECT IIF(NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL, NEW.lat, NEW.area_lat) AS lat,
               IIF(NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL, NEW.lon, NEW.area_lon) AS lon) AS p,
       (SELECT 0 AS code UNION SELECT code FROM skills WHERE id IN (SELECT value FROM json_each(NEW.skills))) AS c
  WHERE NEW.status = 'active' AND p.lat IS NOT NULL AND p.lon IS NOT NULL;
END;

CREATE TRIGGER volunteers_geo_delete AFTER DELETE ON volunteers
BEGIN
  DELETE FROM volunteers_geo
  WHERE id IN (SELECT OLD.id * 32 + code FROM (SELECT 0 AS code UNION ALL SELECT code FROM skills));
END;
