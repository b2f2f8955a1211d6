-- PostgreSQL's form of 010's geo index: the same points (id = volunteer id * 32 + skill code, key =
-- code * 2 + available) in a plain table, kept in step by one trigger function, read by the same query.
CREATE TABLE volunteers_geo (
  id      BIGINT PRIMARY KEY,
  min_lat DOUBLE PRECISION NOT NULL,
  max_lat DOUBLE PRECISION NOT NULL,
  min_lon DOUBLE PRECISION NOT NULL,
  max_lon DOUBLE PRECISION NOT NULL,
  min_key BIGINT NOT NULL,
  max_key BIGINT NOT NULL
);
CREATE INDEX volunteers_geo_box ON volunteers_geo (min_key, min_lat, min_lon);

CREATE FUNCTION volunteers_geo_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM volunteers_geo
    WHERE id IN (SELECT OLD.id * 32 + code FROM (SELECT 0 AS code UNION ALL SELECT code FROM skills) AS c);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO volunteers_geo (id, min_lat, max_lat, min_lon, max_lon, min_key, max_key)
    SELECT NEW.id * 32 + c.code, p.lat, p.lat, p.lon, p.lon,
           c.code * 2 + (NEW.available <> 0)::int, c.code * 2 + (NEW.available <> 0)::int
    FROM (SELECT CASE WHEN NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL THEN NEW.lat ELSE NEW.area_lat END AS lat,
                 CASE WHEN NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL THEN NEW.lon ELSE NEW.area_lon END AS lon) AS p,
         (SELECT 0 AS code UNION
          SELECT code FROM skills WHERE id IN (SELECT json_array_elements_text(NEW.skills::json))) AS c
    WHERE NEW.status = 'active' AND p.lat IS NOT NULL AND p.lon IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER volunteers_geo_insert AFTER INSERT OR DELETE ON volunteers
FOR EACH ROW EXECUTE FUNCTION volunteers_geo_sync();
CREATE TRIGGER volunteers_geo_update AFTER UPDATE OF lat, lon, area_lat, area_lon, skills, available, status
ON volunteers FOR EACH ROW EXECUTE FUNCTION volunteers_geo_sync();
