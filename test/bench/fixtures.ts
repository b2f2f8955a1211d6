import { createHash } from 'node:crypto';
import { SKILLS } from '../../src/domain/skills.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { openRaw } from '../support/harness.ts';

/** Daerah Istimewa Yogyakarta, roughly: where the generated volunteers live and the queries look. */
export const DIY = { south: -8.2, north: -7.55, west: 110.0, east: 110.85 };

/** A small deterministic generator, so every run builds the same ledger. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function pointInDiy(rnd: () => number): { lat: number; lon: number } {
  return {
    lat: DIY.south + rnd() * (DIY.north - DIY.south),
    lon: DIY.west + rnd() * (DIY.east - DIY.west),
  };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface LargeLedger {
  volunteers: number;
  events: number;
  seconds: number;
}

/**
 * Fills a new ledger file with `volunteers` volunteers and `events` chained events, in one transaction
 * of plain SQL (EventLog.append would take minutes for a million); the volunteers table's triggers fill
 * the geo index as they would for a sign-up. The rows follow the chain rule of
 * src/ledger/events.ts; the memory benchmark runs `verify` over them, so a drift would show at once.
 */
export function buildLargeLedger(file: string, volunteers: number, events: number): LargeLedger {
  const t0 = performance.now();
  // The ledger creates and migrates the file; the bulk rows go in through a raw connection.
  Ledger.open(file).close();
  const db = openRaw(file);
  const rnd = random(42);
  const start = Date.UTC(2026, 10, 1);
  const insertPerson = db.prepare(
    "INSERT INTO people (id, display_name, language, first_seen, last_seen) VALUES (?, ?, 'id', ?, ?)",
  );
  const insertVolunteer = db.prepare(`INSERT INTO volunteers
    (person_id, name, skills, area, lat, lon, languages, phone, available, status, created_at, updated_at)
    VALUES (?, ?, ?, NULL, ?, ?, '["id"]', ?, ?, 'active', ?, ?)`);
  const insertEvent = db.prepare(`INSERT INTO events
    (at, actor, message_ref, kind, subject, payload, personal, personal_hash, prev_hash, hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  let prev = '0'.repeat(64);
  const append = (
    at: number,
    actor: string,
    kind: string,
    subject: string,
    payload: string,
    personal: string | null,
  ) => {
    const ref = `telegram:${actor.slice(9)}:${at}`;
    const personalHash = personal === null ? null : sha256(personal);
    const hash = sha256(JSON.stringify([prev, at, actor, ref, kind, subject, payload, personalHash]));
    insertEvent.run(at, actor, ref, kind, subject, payload, personal, personalHash, prev, hash);
    prev = hash;
  };
  db.transaction(() => {
    for (let i = 1; i <= volunteers; i++) {
      const person = `telegram:${100_000 + i}`;
      const at = start + i * 1000;
      const { lat, lon } = pointInDiy(rnd);
      const skills = JSON.stringify(SKILLS.filter(() => rnd() < 0.25));
      const phone = `+62812${String(i).padStart(8, '0')}`;
      insertPerson.run(person, `Volunteer ${i}`, at, at);
      insertVolunteer.run(person, `Volunteer ${i}`, skills, lat, lon, phone, rnd() < 0.7 ? 1 : 0, at, at);
      append(
        at,
        person,
        'volunteer.registered',
        `V-${i}`,
        JSON.stringify({ skills: JSON.parse(skills), languages: ['id'] }),
        JSON.stringify({ name: `Volunteer ${i}`, phone, lat, lon }),
      );
    }
    // The rest: supply requests opened, then moved along their states, as a long response would leave.
    for (let i = volunteers; i < events; i++) {
      const at = start + i * 1000;
      const actor = `telegram:${200_000 + (i % 50_000)}`;
      const request = Math.floor(i / 3);
      if (i % 3 === 0) {
        const { lat, lon } = pointInDiy(rnd);
        append(
          at,
          actor,
          'request.created',
          `R-${request}`,
          '{"items":[{"item":"water","qty":20},{"item":"rice","qty":5}],"people":null,"area":"DIY/Bantul","urgency":"normal"}',
          JSON.stringify({ requester: actor, lat, lon, address: null, contact: null, notes: null }),
        );
      } else {
        append(at, actor, 'request.moved', `R-${request}`, '{"from":"new","to":"verified"}', null);
      }
    }
  })();
  db.close();
  return { volunteers, events, seconds: (performance.now() - t0) / 1000 };
}
