import type { Db } from './db.ts';
import type { Actor, EventLog } from './events.ts';

/** A hospital blood is asked for (issue 32): a public place, named once and found again by its name. */
export interface Hospital {
  id: number;
  name: string;
  area: string | null;
  lat: number | null;
  lon: number | null;
}

export type NewHospital = Omit<Hospital, 'id'>;

/** Hospitals, and the hospital or PMI staff a coordinator named, each change an event. */
export class Hospitals {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  get(id: number): Hospital | undefined {
    return this.db.prepare('SELECT id, name, area, lat, lon FROM hospitals WHERE id = ?').get(id) as
      | Hospital
      | undefined;
  }

  /** The hospital of this name, caseless and with its spaces tidied, if one is registered. */
  named(name: string): Hospital | undefined {
    return this.db
      .prepare('SELECT id, name, area, lat, lon FROM hospitals WHERE lower(name) = lower(?)')
      .get(tidy(name)) as Hospital | undefined;
  }

  /** The hospital of this name, registered now when it is new. */
  ensure(actor: Actor, h: NewHospital): Hospital {
    const known = this.named(h.name);
    if (known) return known;
    const id = Number(
      this.db
        .prepare(
          'INSERT INTO hospitals (name, area, lat, lon, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id',
        )
        .pluck()
        .get(tidy(h.name), h.area, h.lat, h.lon, actor.at),
    );
    this.events.append(actor, {
      kind: 'hospital.added',
      subject: `hospital:${id}`,
      payload: { name: tidy(h.name), area: h.area },
    });
    return this.get(id)!;
  }

  /** The hospital a person asks blood for as its staff, if a coordinator named them. */
  staffOf(personId: string): Hospital | undefined {
    const id = this.db
      .prepare('SELECT hospital_id FROM blood_staff WHERE person_id = ?')
      .pluck()
      .get(personId) as number | undefined;
    return id === undefined ? undefined : this.get(id);
  }

  setStaff(actor: Actor, personId: string, hospitalId: number, addedBy: string): void {
    this.db
      .prepare(`INSERT INTO blood_staff (person_id, hospital_id, added_by, created_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (person_id) DO UPDATE SET hospital_id = excluded.hospital_id, added_by = excluded.added_by`)
      .run(personId, hospitalId, addedBy, actor.at);
    this.events.append(actor, {
      kind: 'blood.staff-added',
      subject: personId,
      payload: { hospital: `hospital:${hospitalId}` },
    });
  }

  /** false when the person was not staff. */
  removeStaff(actor: Actor, personId: string): boolean {
    const changed = this.db.prepare('DELETE FROM blood_staff WHERE person_id = ?').run(personId).changes;
    if (changed) this.events.append(actor, { kind: 'blood.staff-removed', subject: personId, payload: {} });
    return changed > 0;
  }
}

const tidy = (name: string) => name.trim().replace(/\s+/g, ' ').slice(0, 120);
