import type { BloodGroup } from '../domain/blood.ts';
import { formatRef } from '../domain/refs.ts';
import type { Db } from './db.ts';
import type { Actor, EventLog } from './events.ts';

export interface Donor {
  personId: string;
  group: BloodGroup;
  lastDonation: number | null;
  lat: number | null;
  lon: number | null;
  area: string | null;
  status: 'active' | 'paused';
}

export interface BloodRequest {
  id: number;
  requester: string;
  group: BloodGroup;
  bags: number;
  hospital: string;
  hospitalId: number | null;
  area: string | null;
  lat: number | null;
  lon: number | null;
  deadline: number;
  status: 'open' | 'covered' | 'closed';
  /** false while a staff member's request waits for a coordinator: no donor is asked before. */
  verified: boolean;
  lastWave: number | null;
}

export interface AskCounts {
  yes: number;
  no: number;
  waiting: number;
}

interface DonorRow {
  person_id: string;
  abo: BloodGroup['abo'];
  rh: BloodGroup['rh'];
  last_donation: number | null;
  lat: number | null;
  lon: number | null;
  area: string | null;
  status: Donor['status'];
}

interface RequestRow {
  id: number;
  requester: string;
  abo: BloodGroup['abo'];
  rh: BloodGroup['rh'];
  bags: number;
  hospital: string;
  hospital_id: number | null;
  area: string | null;
  lat: number | null;
  lon: number | null;
  deadline: number;
  status: BloodRequest['status'];
  verified: number;
  last_wave: number | null;
}

const toDonor = (r: DonorRow): Donor => ({
  personId: r.person_id,
  group: { abo: r.abo, rh: r.rh },
  lastDonation: r.last_donation,
  lat: r.lat,
  lon: r.lon,
  area: r.area,
  status: r.status,
});

const toRequest = (r: RequestRow): BloodRequest => ({
  id: r.id,
  requester: r.requester,
  group: { abo: r.abo, rh: r.rh },
  bags: r.bags,
  hospital: r.hospital,
  hospitalId: r.hospital_id,
  area: r.area,
  lat: r.lat,
  lon: r.lon,
  deadline: r.deadline,
  status: r.status,
  verified: r.verified === 1,
  lastWave: r.last_wave,
});

const ref = (id: number) => formatRef('T', id);

/**
 * Blood donors and requests. The blood group is health data: it sits in the erasable part of every
 * event, and events name donors only by pseudonym, as every event does.
 */
export class Blood {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  /** Registers or updates a donor, who consented to be asked (the dialog's last question). */
  register(actor: Actor, d: Omit<Donor, 'status'>): void {
    this.db
      .prepare(`INSERT INTO donors (person_id, abo, rh, last_donation, lat, lon, area, created_at, updated_at)
        VALUES (@person, @abo, @rh, @last, @lat, @lon, @area, @at, @at)
        ON CONFLICT (person_id) DO UPDATE SET abo = excluded.abo, rh = excluded.rh,
          last_donation = excluded.last_donation, lat = excluded.lat, lon = excluded.lon, area = excluded.area,
          status = 'active', updated_at = excluded.updated_at`)
      .run({
        person: d.personId,
        ...d.group,
        last: d.lastDonation,
        lat: d.lat,
        lon: d.lon,
        area: d.area,
        at: actor.at,
      });
    this.events.append(actor, {
      kind: 'donor.registered',
      subject: d.personId,
      payload: { consent: true },
      personal: { group: `${d.group.abo}${d.group.rh}`, lastDonation: d.lastDonation, area: d.area },
    });
  }

  donor(personId: string): Donor | undefined {
    const row = this.db.prepare('SELECT * FROM donors WHERE person_id = ?').get(personId) as
      | DonorRow
      | undefined;
    return row && toDonor(row);
  }

  /** Pauses (true) or resumes a donor; removing is `leave`. */
  setPaused(actor: Actor, personId: string, paused: boolean): boolean {
    const changed = this.db
      .prepare('UPDATE donors SET status = ?, updated_at = ? WHERE person_id = ?')
      .run(paused ? 'paused' : 'active', actor.at, personId).changes;
    if (changed)
      this.events.append(actor, {
        kind: paused ? 'donor.paused' : 'donor.resumed',
        subject: personId,
        payload: {},
      });
    return changed > 0;
  }

  leave(actor: Actor, personId: string): boolean {
    const changed = this.db.prepare('DELETE FROM donors WHERE person_id = ?').run(personId).changes;
    if (changed) this.events.append(actor, { kind: 'donor.left', subject: personId, payload: {} });
    return changed > 0;
  }

  /** Active donors not yet asked for `requestId`: the matching code filters and orders them. */
  activeDonorsNotAsked(requestId: number): Donor[] {
    return (
      this.db
        .prepare(`SELECT * FROM donors WHERE status = 'active'
          AND person_id NOT IN (SELECT person_id FROM blood_asks WHERE request_id = ?)`)
        .all(requestId) as DonorRow[]
    ).map(toDonor);
  }

  createRequest(actor: Actor, r: Omit<BloodRequest, 'id' | 'status' | 'lastWave'>): BloodRequest {
    const id = Number(
      this.db
        .prepare(`INSERT INTO blood_requests (requester, abo, rh, bags, hospital, hospital_id, verified, area, lat,
          lon, deadline, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
        .pluck()
        .get(
          r.requester,
          r.group.abo,
          r.group.rh,
          r.bags,
          r.hospital,
          r.hospitalId,
          r.verified ? 1 : 0,
          r.area,
          r.lat,
          r.lon,
          r.deadline,
          actor.at,
          actor.at,
        ),
    );
    this.events.append(actor, {
      kind: 'blood.requested',
      subject: ref(id),
      payload: {
        group: `${r.group.abo}${r.group.rh}`,
        bags: r.bags,
        hospital: r.hospital,
        area: r.area,
        deadline: r.deadline,
        verified: r.verified,
      },
      personal: { requester: r.requester },
    });
    return this.request(id)!;
  }

  request(id: number): BloodRequest | undefined {
    const row = this.db.prepare('SELECT * FROM blood_requests WHERE id = ?').get(id) as
      | RequestRow
      | undefined;
    return row && toRequest(row);
  }

  openRequests(): BloodRequest[] {
    return (
      this.db.prepare("SELECT * FROM blood_requests WHERE status = 'open' ORDER BY id").all() as RequestRow[]
    ).map(toRequest);
  }

  /** Records that these donors were asked now, as one wave. */
  asked(actor: Actor, requestId: number, personIds: readonly string[]): void {
    const insert = this.db.prepare(
      'INSERT INTO blood_asks (request_id, person_id, asked_at) VALUES (?, ?, ?)',
    );
    for (const p of personIds) insert.run(requestId, p, actor.at);
    this.db
      .prepare('UPDATE blood_requests SET last_wave = ?, updated_at = ? WHERE id = ?')
      .run(actor.at, actor.at, requestId);
    this.events.append(actor, {
      kind: 'blood.asked',
      subject: ref(requestId),
      payload: { donors: personIds.length },
    });
  }

  counts(requestId: number): AskCounts {
    const rows = this.db
      .prepare('SELECT answer, COUNT(*) AS n FROM blood_asks WHERE request_id = ? GROUP BY answer')
      .all(requestId) as { answer: 'yes' | 'no' | null; n: number }[];
    const of = (a: 'yes' | 'no' | null) => Number(rows.find((r) => r.answer === a)?.n ?? 0);
    return { yes: of('yes'), no: of('no'), waiting: of(null) };
  }

  /** A donor's answer; false when they were not asked or already answered (a no is final). */
  answer(actor: Actor, requestId: number, personId: string, yes: boolean): boolean {
    const changed = this.db
      .prepare(`UPDATE blood_asks SET answer = ?, answered_at = ? WHERE request_id = ? AND person_id = ?
        AND answer IS NULL`)
      .run(yes ? 'yes' : 'no', actor.at, requestId, personId).changes;
    if (changed)
      this.events.append(actor, {
        kind: `blood.${yes ? 'yes' : 'no'}`,
        subject: ref(requestId),
        payload: {},
      });
    return changed > 0;
  }

  /** Those asked who have not answered: told when the need is covered. */
  waiting(requestId: number): string[] {
    return this.db
      .prepare('SELECT person_id FROM blood_asks WHERE request_id = ? AND answer IS NULL')
      .pluck()
      .all(requestId) as string[];
  }

  /** A coordinator vouches for a staff member's request; false when it was verified already or is closed. */
  verify(actor: Actor, requestId: number): boolean {
    const changed = this.db
      .prepare(`UPDATE blood_requests SET verified = 1, updated_at = ? WHERE id = ? AND verified = 0
        AND status = 'open'`)
      .run(actor.at, requestId).changes;
    if (changed) this.events.append(actor, { kind: 'blood.verified', subject: ref(requestId), payload: {} });
    return changed > 0;
  }

  setStatus(actor: Actor, requestId: number, status: 'covered' | 'closed'): boolean {
    const changed = this.db
      .prepare("UPDATE blood_requests SET status = ?, updated_at = ? WHERE id = ? AND status <> 'closed'")
      .run(status, actor.at, requestId).changes;
    if (changed) this.events.append(actor, { kind: `blood.${status}`, subject: ref(requestId), payload: {} });
    return changed > 0;
  }
}
