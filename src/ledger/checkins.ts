import { phoneKey } from '../domain/redaction.ts';
import { formatRef } from '../domain/refs.ts';
import type { Db } from './db.ts';
import type { Actor, EventLog } from './events.ts';

export type CheckinVisibility = 'phone' | 'coordinators';

/** "I'm safe" (`C-n`): who, the number a family finds it by, their message and where. */
export interface Checkin {
  id: number;
  personId: string;
  name: string | null;
  phone: string;
  message: string | null;
  area: string | null;
  lat: number | null;
  lon: number | null;
  visibility: CheckinVisibility;
  createdAt: number;
}

export type NewCheckin = Omit<Checkin, 'id' | 'createdAt'>;

/** One /find of a number, for `/whofound`. */
export interface Lookup {
  seeker: string;
  seekerName: string | null;
  shown: boolean;
  at: number;
}

interface CheckinRow {
  id: number;
  person_id: string;
  name: string | null;
  phone: string;
  message: string | null;
  area: string | null;
  lat: number | null;
  lon: number | null;
  visibility: CheckinVisibility;
  created_at: number;
}

const toCheckin = (r: CheckinRow): Checkin => ({
  id: r.id,
  personId: r.person_id,
  name: r.name,
  phone: r.phone,
  message: r.message,
  area: r.area,
  lat: r.lat,
  lon: r.lon,
  visibility: r.visibility,
  createdAt: r.created_at,
});

/** Check-ins and the lookups of them: every one an event, everything personal in its erasable part. */
export class Checkins {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  create(actor: Actor, c: NewCheckin): Checkin {
    const id = Number(
      this.db
        .prepare(`INSERT INTO checkins (person_id, name, phone, phone_key, message, area, lat, lon, visibility, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
        .pluck()
        .get(
          c.personId,
          c.name,
          c.phone,
          phoneKey(c.phone),
          c.message,
          c.area,
          c.lat,
          c.lon,
          c.visibility,
          actor.at,
        ),
    );
    this.events.append(actor, {
      kind: 'checkin.safe',
      subject: formatRef('C', id),
      payload: { visibility: c.visibility },
      personal: { ...c },
    });
    return this.get(id)!;
  }

  get(id: number): Checkin | undefined {
    const row = this.db.prepare('SELECT * FROM checkins WHERE id = ?').get(id) as CheckinRow | undefined;
    return row && toCheckin(row);
  }

  /** The person's latest check-in: its number is the one they gave, remembered for the next. */
  latestOf(personId: string): Checkin | undefined {
    const row = this.db
      .prepare('SELECT * FROM checkins WHERE person_id = ? ORDER BY id DESC LIMIT 1')
      .get(personId) as CheckinRow | undefined;
    return row && toCheckin(row);
  }

  /** The latest check-in under a number that `seeker` may see (coordinators see those kept for them too). */
  latestFor(phone: string, coordinator: boolean): Checkin | undefined {
    const row = this.db
      .prepare(`SELECT * FROM checkins WHERE phone_key = ? ${coordinator ? '' : "AND visibility = 'phone'"}
        ORDER BY id DESC LIMIT 1`)
      .get(phoneKey(phone)) as CheckinRow | undefined;
    return row && toCheckin(row);
  }

  /** Recent check-ins, newest first, for a coordinator matching a missing-person report. */
  since(at: number, limit = 500): Checkin[] {
    return (
      this.db
        .prepare('SELECT * FROM checkins WHERE created_at >= ? ORDER BY id DESC LIMIT ?')
        .all(at, limit) as CheckinRow[]
    ).map(toCheckin);
  }

  /** Records a lookup (an event naming no number: the number is personal) and answers how many in the window. */
  recordLookup(actor: Actor, phone: string, shown: Checkin | undefined): void {
    this.db
      .prepare('INSERT INTO checkin_lookups (seeker, phone_key, shown, at) VALUES (?, ?, ?, ?)')
      .run(actor.id, phoneKey(phone), shown?.id ?? null, actor.at);
    this.events.append(actor, {
      kind: 'checkin.lookup',
      payload: { shown: shown ? formatRef('C', shown.id) : null },
      personal: { phone },
    });
  }

  lookupsBy(seeker: string, since: number): number {
    return Number(
      this.db
        .prepare('SELECT COUNT(*) FROM checkin_lookups WHERE seeker = ? AND at >= ?')
        .pluck()
        .get(seeker, since),
    );
  }

  /** Who looked up `phone`, newest first. */
  lookupsOf(phone: string, limit = 20): Lookup[] {
    const rows = this.db
      .prepare(`SELECT l.seeker, p.display_name AS name, l.shown, l.at FROM checkin_lookups l
        LEFT JOIN people p ON p.id = l.seeker WHERE l.phone_key = ? ORDER BY l.id DESC LIMIT ?`)
      .all(phoneKey(phone), limit) as {
      seeker: string;
      name: string | null;
      shown: number | null;
      at: number;
    }[];
    return rows.map((r) => ({
      seeker: r.seeker,
      seekerName: r.name,
      shown: r.shown !== null,
      at: Number(r.at),
    }));
  }
}
