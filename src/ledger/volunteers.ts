import { haversineKm } from '../domain/areas.ts';
import { formatRef } from '../domain/refs.ts';
import { belowPattern, inAreaSql } from './area-filter.ts';
import { type Db, dialectOf } from './db.ts';
import type { Actor, EventLog } from './events.ts';

export interface Volunteer {
  id: number;
  personId: string;
  name: string | null;
  skills: string[];
  area: string | null;
  /** Where the volunteer shared they are (exact: personal data). */
  lat: number | null;
  lon: number | null;
  /** The centre of their area, used in the index when they shared no location. */
  areaLat: number | null;
  areaLon: number | null;
  languages: string[];
  /** Shared with consent, for coordinators and for the people whose task they take. */
  phone: string | null;
  available: boolean;
  status: 'active' | 'left';
  createdAt: number;
  updatedAt: number;
}

/** What the sign-up dialog collects. */
export interface VolunteerProfile {
  name: string;
  skills: string[];
  area: string | null;
  lat: number | null;
  lon: number | null;
  areaLat: number | null;
  areaLon: number | null;
  languages: string[];
  phone: string | null;
}

/** Where a volunteer is now (`/available Imogiri`, `/available -7.9,110.4`). */
export type Whereabouts = Pick<VolunteerProfile, 'area' | 'lat' | 'lon' | 'areaLat' | 'areaLon'>;

export interface NearVolunteer {
  volunteer: Volunteer;
  km: number;
  /** True when the distance is to the centre of the volunteer's area, not to a shared location. */
  approximate: boolean;
}

export interface NearestOptions {
  skill?: string;
  limit?: number;
  /** Default true: only volunteers who said /available. */
  availableOnly?: boolean;
}

export interface VolunteerFilter {
  /** An area path: volunteers in it or anywhere below it. */
  area?: string;
  skill?: string;
  available?: boolean;
  limit?: number;
}

interface VolunteerRow {
  id: number;
  person_id: string;
  name: string | null;
  skills: string;
  area: string | null;
  lat: number | null;
  lon: number | null;
  area_lat: number | null;
  area_lon: number | null;
  languages: string;
  phone: string | null;
  available: number;
  status: 'active' | 'left';
  created_at: number;
  updated_at: number;
}

const toVolunteer = (r: VolunteerRow): Volunteer => ({
  id: r.id,
  personId: r.person_id,
  name: r.name,
  skills: JSON.parse(r.skills) as string[],
  area: r.area,
  lat: r.lat,
  lon: r.lon,
  areaLat: r.area_lat,
  areaLon: r.area_lon,
  languages: JSON.parse(r.languages) as string[],
  phone: r.phone,
  available: r.available === 1,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const volunteerRef = (id: number) => formatRef('V', id);

/** Where a volunteer is placed: their shared location, else their area's centre. */
export function positionOf(v: Volunteer): { lat: number; lon: number; approximate: boolean } | undefined {
  if (v.lat !== null && v.lon !== null) return { lat: v.lat, lon: v.lon, approximate: false };
  if (v.areaLat !== null && v.areaLon !== null) return { lat: v.areaLat, lon: v.areaLon, approximate: true };
  return undefined;
}

const KM_PER_DEGREE = 111.195;
const EARTH_KM = 6371;
/** The nearest query starts with this radius and doubles it until it has enough volunteers. */
const START_KM = 1;
const HALF_EARTH_KM = Math.PI * EARTH_KM;
/** The R*Tree stores 32-bit floats: a point may be this far from where the table says it is. */
const INDEX_ERROR_KM = 0.01;

/** The lat/lon box that holds every point within `km` of the centre (whole longitude range near poles or ±180°). */
export function boundingBox(lat: number, lon: number, km: number) {
  const dLat = km / KM_PER_DEGREE;
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  const s = Math.sin(Math.min(km / EARTH_KM, Math.PI / 2)) / Math.cos((lat * Math.PI) / 180);
  const dLon = s >= 1 ? 180 : (Math.asin(s) * 180) / Math.PI;
  const wraps = minLat === -90 || maxLat === 90 || lon - dLon < -180 || lon + dLon > 180;
  return { minLat, maxLat, minLon: wraps ? -180 : lon - dLon, maxLon: wraps ? 180 : lon + dLon };
}

/** Volunteers (`V-n`). Every change appends an event; name, phone and exact location go in `personal`. */
export class Volunteers {
  private readonly byPersonStmt;
  private readonly byIdStmt;
  private readonly geoStmt;
  private readonly skillCode;
  /** The skills catalog changes only by migration: read once per connection, a round trip saved a query. */
  private readonly codes = new Map<string, number | undefined>();

  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {
    this.byPersonStmt = db.prepare('SELECT * FROM volunteers WHERE person_id = ?');
    this.byIdStmt = db.prepare('SELECT * FROM volunteers WHERE id = ?');
    // Each point with its volunteer's row, so the last box needs no second statement for them: on
    // PostgreSQL every statement is a round trip.
    this.geoStmt =
      db.prepare(`SELECT v.*, (g.min_lat + g.max_lat) / 2 AS geo_lat, (g.min_lon + g.max_lon) / 2 AS geo_lon
      FROM volunteers_geo AS g JOIN volunteers AS v ON v.id = g.id >> 5
      WHERE ${dialectOf(db).geoPointsInBox}`);
    this.skillCode = db.prepare('SELECT code FROM skills WHERE id = ?').pluck();
  }

  get(id: number): Volunteer | undefined {
    const r = this.byIdStmt.get(id) as VolunteerRow | undefined;
    return r && toVolunteer(r);
  }

  byPerson(personId: string): Volunteer | undefined {
    const r = this.byPersonStmt.get(personId) as VolunteerRow | undefined;
    return r && toVolunteer(r);
  }

  /** Signs a person up, or updates their record if they signed up before (also after /leave). */
  signUp(actor: Actor, personId: string, p: VolunteerProfile): { volunteer: Volunteer; created: boolean } {
    const existing = this.byPerson(personId);
    const values = {
      person_id: personId,
      name: p.name,
      skills: JSON.stringify(p.skills),
      area: p.area,
      lat: p.lat,
      lon: p.lon,
      area_lat: p.areaLat,
      area_lon: p.areaLon,
      languages: JSON.stringify(p.languages),
      phone: p.phone,
      at: actor.at,
    };
    this.db
      .prepare(`INSERT INTO volunteers (person_id, name, skills, area, lat, lon, area_lat, area_lon, languages,
          phone, available, status, created_at, updated_at)
        VALUES (@person_id, @name, @skills, @area, @lat, @lon, @area_lat, @area_lon, @languages, @phone, 1, 'active', @at, @at)
        ON CONFLICT (person_id) DO UPDATE SET name = @name, skills = @skills, area = @area, lat = @lat, lon = @lon,
          area_lat = @area_lat, area_lon = @area_lon, languages = @languages, phone = @phone, available = 1,
          status = 'active', updated_at = @at`)
      .run(values);
    const volunteer = this.byPerson(personId)!;
    this.events.append(actor, {
      kind: existing ? 'volunteer.updated' : 'volunteer.signed_up',
      subject: volunteerRef(volunteer.id),
      payload: { skills: p.skills, area: p.area, languages: p.languages, phoneShared: p.phone !== null },
      personal: { name: p.name, phone: p.phone, lat: p.lat, lon: p.lon },
    });
    return { volunteer, created: !existing };
  }

  setAvailable(actor: Actor, id: number, available: boolean): Volunteer {
    this.db
      .prepare('UPDATE volunteers SET available = ?, updated_at = ? WHERE id = ?')
      .run(available ? 1 : 0, actor.at, id);
    this.events.append(actor, {
      kind: available ? 'volunteer.available' : 'volunteer.off',
      subject: volunteerRef(id),
    });
    return this.get(id)!;
  }

  moveTo(actor: Actor, id: number, w: Whereabouts): Volunteer {
    this.db
      .prepare(`UPDATE volunteers SET area = ?, lat = ?, lon = ?, area_lat = ?, area_lon = ?, updated_at = ?
        WHERE id = ?`)
      .run(w.area, w.lat, w.lon, w.areaLat, w.areaLon, actor.at, id);
    this.events.append(actor, {
      kind: 'volunteer.moved',
      subject: volunteerRef(id),
      payload: { area: w.area },
      personal: { lat: w.lat, lon: w.lon },
    });
    return this.get(id)!;
  }

  /** Deactivates and erases the phone number: after this the state tables hold no way to call them. */
  leave(actor: Actor, id: number): void {
    this.db
      .prepare(
        "UPDATE volunteers SET status = 'left', available = 0, phone = NULL, updated_at = ? WHERE id = ?",
      )
      .run(actor.at, id);
    this.events.append(actor, { kind: 'volunteer.left', subject: volunteerRef(id) });
  }

  /**
   * The volunteers nearest to a point, nearest first. Reads the geo index in a box that doubles from
   * 1 km until it holds `limit` volunteers within its radius, so the cost follows the answer's size,
   * not the number of volunteers. Volunteers without a shared location count from their area's centre.
   */
  nearest(lat: number, lon: number, options: NearestOptions = {}): NearVolunteer[] {
    const limit = options.limit ?? 10;
    const code = options.skill === undefined ? 0 : this.codeOf(options.skill);
    if (code === undefined || limit <= 0) return [];
    const keys = options.availableOnly === false ? [code * 2, code * 2 + 1] : [code * 2 + 1, code * 2 + 1];
    let candidates: { row: VolunteerRow; km: number }[] = [];
    for (let km = START_KM; ; km *= 2) {
      const box = boundingBox(lat, lon, km);
      const points = this.geoStmt.all(
        box.minLat,
        box.maxLat,
        box.minLon,
        box.maxLon,
        keys[0],
        keys[1],
      ) as (VolunteerRow & {
        geo_lat: number;
        geo_lon: number;
      })[];
      const found = points
        .map((row) => ({ row, km: haversineKm(lat, lon, row.geo_lat, row.geo_lon) }))
        .sort((a, b) => a.km - b.km);
      const within = found.filter((f) => f.km <= km - INDEX_ERROR_KM).length;
      if (within >= limit || km >= HALF_EARTH_KM) {
        const cut = found.length > limit ? found[limit - 1]!.km + INDEX_ERROR_KM : Number.POSITIVE_INFINITY;
        candidates = found.filter((f) => f.km <= cut);
        break;
      }
    }
    // The index keeps 32-bit floats (about a metre off): the final order uses the exact coordinates.
    return candidates
      .map(({ row }) => {
        const volunteer = toVolunteer(row);
        const at = positionOf(volunteer)!;
        return { volunteer, km: haversineKm(lat, lon, at.lat, at.lon), approximate: at.approximate };
      })
      .sort((a, b) => a.km - b.km || a.volunteer.id - b.volunteer.id)
      .slice(0, limit);
  }

  private codeOf(skill: string): number | undefined {
    if (!this.codes.has(skill)) this.codes.set(skill, this.skillCode.get(skill) as number | undefined);
    return this.codes.get(skill);
  }

  /** Active volunteers by area, skill and availability: the coordinators' list and the export read this. */
  list(filter: VolunteerFilter = {}): { volunteers: Volunteer[]; total: number } {
    const d = dialectOf(this.db);
    const params = {
      area: filter.area ?? null,
      area_below: filter.area ? belowPattern(filter.area) : null,
      skill: filter.skill ?? null,
      available: filter.available === undefined ? null : filter.available ? 1 : 0,
    };
    const where = `status = 'active'
      AND (@area IS NULL OR ${inAreaSql('area', '@area')})
      AND (@skill IS NULL OR EXISTS (SELECT 1 FROM ${d.jsonValues('skills', 's')} WHERE s.value = @skill))
      AND (@available IS NULL OR available = @available)`;
    const total = this.db
      .prepare(`SELECT COUNT(*) FROM volunteers WHERE ${where}`)
      .pluck()
      .get(params) as number;
    const rows = this.db
      .prepare(
        `SELECT * FROM volunteers WHERE ${where} ORDER BY area, ${d.caseless('name')}, id LIMIT @limit`,
      )
      .all({ ...params, limit: filter.limit ?? d.noLimit }) as VolunteerRow[];
    return { volunteers: rows.map(toVolunteer), total };
  }
}
