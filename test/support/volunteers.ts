import type { VolunteerProfile } from '../../src/ledger/index.ts';
import type { Harness } from './harness.ts';

/** Signs a person up straight through the ledger (the dialog has its own tests). */
export function addVolunteer(h: Harness, personId: string, profile: Partial<VolunteerProfile> = {}): number {
  h.ledger.people.ensure(personId, h.clock.now);
  return h.ledger.volunteers.signUp({ id: personId, at: h.clock.now }, personId, {
    name: personId,
    skills: [],
    area: null,
    lat: null,
    lon: null,
    areaLat: null,
    areaLon: null,
    languages: ['id'],
    phone: null,
    ...profile,
  }).volunteer.id;
}

/** A supply request as the supply module would store it, already verified by a coordinator. */
export function addRequest(
  h: Harness,
  fields: {
    requester?: string;
    lat?: number;
    lon?: number;
    area?: string;
    status?: string;
    contact?: string;
  } = {},
): number {
  const requester = fields.requester ?? 'telegram:900';
  h.ledger.people.ensure(requester, h.clock.now);
  return Number(
    h.db
      .prepare(`INSERT INTO requests (requester, items, people_count, lat, lon, area, contact, status, created_at, updated_at)
        VALUES (?, ?, 12, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
      .pluck()
      .get(
        requester,
        JSON.stringify([
          { item: 'water', qty: 20 },
          { item: 'rice', qty: 5, unit: 'kg' },
        ]),
        fields.lat ?? null,
        fields.lon ?? null,
        fields.area ?? null,
        fields.contact ?? null,
        fields.status ?? 'verified',
        h.clock.now,
        h.clock.now,
      ),
  );
}

/** A rescue case as the rescue module would store it. */
export function addRescue(
  h: Harness,
  fields: {
    reporter?: string;
    lat?: number;
    lon?: number;
    area?: string;
    conditions?: string[];
    status?: string;
  } = {},
): number {
  const reporter = fields.reporter ?? 'telegram:901';
  h.ledger.people.ensure(reporter, h.clock.now);
  return Number(
    h.db
      .prepare(`INSERT INTO rescues (reporter, lat, lon, area, people_count, conditions, status, created_at, updated_at)
        VALUES (?, ?, ?, ?, 4, ?, ?, ?, ?) RETURNING id`)
      .pluck()
      .get(
        reporter,
        fields.lat ?? null,
        fields.lon ?? null,
        fields.area ?? null,
        JSON.stringify(fields.conditions ?? []),
        fields.status ?? 'open',
        h.clock.now,
        h.clock.now,
      ),
  );
}
