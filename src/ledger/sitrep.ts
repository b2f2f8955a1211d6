import { formatRef } from '../domain/refs.ts';
import { belowPattern, inAreaSql } from './area-filter.ts';
import { type Db, dialectOf } from './db.ts';
import { type Actor, EventLog } from './events.ts';

/** Open rescue cases by how long they have waited: under 30 min, 30 min-2 h, 2-6 h, over 6 h. */
export const WAIT_BUCKETS_MIN = [30, 120, 360] as const;

export interface SitrepTotals {
  rescuesOpen: number;
  requestsOpen: number;
  volunteersAvailable: number;
}

export interface SitrepStats {
  totals: SitrepTotals;
  rescueWaits: number[];
  unacknowledged: number;
  oldestRescue?: { id: number; minutes: number; area: string | null };
  requests: { area: string | null; status: string; urgency: string; n: number }[];
  skills: { skill: string; n: number }[];
}

const LIVE_RESCUE = "('open', 'acknowledged', 'team_assigned')";
const OPEN_REQUEST = "('new', 'verified')";
/** Rows in `area` or below it; everything when no area is given. */
const IN_AREA = `(@area IS NULL OR ${inAreaSql('area', '@area')})`;

/** The counts a situation report is made of. Read-only, except the snapshot each scheduled report keeps. */
export class Sitrep {
  private readonly events: EventLog;

  constructor(private readonly db: Db) {
    this.events = new EventLog(db);
  }

  stats(area: string | null, now: number): SitrepStats {
    const p = { area, area_below: area === null ? null : belowPattern(area), now };
    const rescues = this.db
      .prepare(`SELECT id, status, area, created_at FROM rescues WHERE status IN ${LIVE_RESCUE} AND ${IN_AREA}
        ORDER BY created_at`)
      .all(p) as { id: number; status: string; area: string | null; created_at: number }[];
    const rescueWaits = [0, 0, 0, 0];
    for (const r of rescues) {
      const minutes = (now - r.created_at) / 60_000;
      const bucket = WAIT_BUCKETS_MIN.findIndex((limit) => minutes < limit);
      rescueWaits[bucket === -1 ? 3 : bucket]!++;
    }
    const oldest = rescues[0];
    const requests = this.db
      .prepare(`SELECT area, status, urgency, COUNT(*) AS n FROM requests WHERE status IN ${OPEN_REQUEST}
        AND ${IN_AREA} GROUP BY area, status, urgency ORDER BY area, status, urgency`)
      .all(p) as SitrepStats['requests'];
    const skills = this.db
      .prepare(`SELECT s.value AS skill, COUNT(*) AS n FROM volunteers v, ${dialectOf(this.db).jsonValues('v.skills', 's')}
        WHERE v.status = 'active' AND v.available = 1 AND ${IN_AREA} GROUP BY s.value ORDER BY n DESC, skill`)
      .all(p) as SitrepStats['skills'];
    const volunteersAvailable = this.db
      .prepare(`SELECT COUNT(*) FROM volunteers WHERE status = 'active' AND available = 1 AND ${IN_AREA}`)
      .pluck()
      .get(p) as number;
    return {
      totals: {
        rescuesOpen: rescues.length,
        requestsOpen: requests.reduce((sum, r) => sum + r.n, 0),
        volunteersAvailable,
      },
      rescueWaits,
      unacknowledged: rescues.filter((r) => r.status === 'open').length,
      ...(oldest
        ? {
            oldestRescue: {
              id: oldest.id,
              minutes: Math.round((now - oldest.created_at) / 60_000),
              area: oldest.area,
            },
          }
        : {}),
      requests,
      skills,
    };
  }

  /** What kinds of change happened since `since`, for requests, rescues and volunteers. */
  changesSince(since: number): { kind: string; n: number }[] {
    return this.db
      .prepare(`SELECT kind, COUNT(*) AS n FROM events WHERE at > ?
        AND (kind LIKE 'request.%' OR kind LIKE 'rescue.%' OR kind LIKE 'volunteer.%')
        GROUP BY kind ORDER BY kind`)
      .all(since) as { kind: string; n: number }[];
  }

  lastSnapshot(): { at: number; totals: SitrepTotals } | undefined {
    const r = this.db.prepare('SELECT at, stats FROM sitrep_snapshots ORDER BY id DESC LIMIT 1').get() as
      | { at: number; stats: string }
      | undefined;
    return r && { at: r.at, totals: JSON.parse(r.stats) as SitrepTotals };
  }

  /** A scheduled report went to `groups`; its totals are what the next report compares against. */
  recordSent(actor: Actor, totals: SitrepTotals, groups: readonly number[]): void {
    this.db
      .prepare('INSERT INTO sitrep_snapshots (at, stats) VALUES (?, ?)')
      .run(actor.at, JSON.stringify(totals));
    this.events.append(actor, {
      kind: 'sitrep.sent',
      payload: { groups: groups.map((g) => formatRef('G', g)) },
    });
  }
}
