import { afterEach, describe, expect, it } from 'vitest';
import { haversineKm } from '../../src/domain/areas.ts';
import { SKILLS } from '../../src/domain/skills.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { boundingBox } from '../../src/ledger/volunteers.ts';
import { Harness } from '../support/harness.ts';
import { addRequest, addRescue, addVolunteer } from '../support/volunteers.ts';

let h: Harness;
afterEach(() => h.close());

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('skills catalog', () => {
  it('lists the same ids, in the same order, as the skills table the index codes come from', () => {
    h = new Harness();
    const ids = h.db.prepare('SELECT id FROM skills ORDER BY code').pluck().all();
    expect(ids).toEqual([...SKILLS]);
  });
});

describe('nearest volunteers', () => {
  it('matches a brute-force answer on 15,000 volunteers, by skill and availability', () => {
    h = new Harness();
    const rnd = random(42);
    const insert = h.db
      .prepare(`INSERT INTO volunteers
      (person_id, skills, lat, lon, area_lat, area_lon, available, status, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0) RETURNING id`)
      .pluck();
    const all: {
      id: number;
      lat: number;
      lon: number;
      skills: string[];
      available: boolean;
      active: boolean;
    }[] = [];
    h.ledger.transaction(() => {
      for (let i = 0; i < 15_000; i++) {
        const lat = -8.2 + rnd() * 0.7;
        const lon = 110 + rnd() * 0.8;
        const skills = SKILLS.filter(() => rnd() < 0.15);
        // A tenth only named an area: they sit at its centre, in the area_* columns.
        const areaOnly = rnd() < 0.1;
        const available = rnd() < 0.8;
        const active = rnd() < 0.95;
        const id = Number(
          insert.get(
            `telegram:${i}`,
            JSON.stringify(skills),
            areaOnly ? null : lat,
            areaOnly ? null : lon,
            areaOnly ? lat : null,
            areaOnly ? lon : null,
            available ? 1 : 0,
            active ? 'active' : 'left',
          ),
        );
        all.push({ id, lat, lon, skills, available, active });
      }
    });
    for (let q = 0; q < 20; q++) {
      const lat = -8.2 + rnd() * 0.7;
      const lon = 110 + rnd() * 0.8;
      const skill = q % 3 === 0 ? undefined : SKILLS[q % SKILLS.length]!;
      const availableOnly = q % 4 !== 0;
      const expected = all
        .filter((v) => v.active && (!availableOnly || v.available) && (!skill || v.skills.includes(skill)))
        .map((v) => ({ id: v.id, km: haversineKm(lat, lon, v.lat, v.lon) }))
        .sort((a, b) => a.km - b.km || a.id - b.id)
        .slice(0, 10);
      const got = h.ledger.volunteers.nearest(lat, lon, {
        limit: 10,
        availableOnly,
        ...(skill ? { skill } : {}),
      });
      expect(got.map((g) => g.volunteer.id)).toEqual(expected.map((e) => e.id));
      for (const g of got) {
        if (skill) expect(g.volunteer.skills).toContain(skill);
        if (availableOnly) expect(g.volunteer.available).toBe(true);
      }
    }
  });

  it('follows changes: a volunteer who goes off, moves, or leaves', () => {
    h = new Harness();
    const near = addVolunteer(h, 'telegram:1', { lat: -7.9, lon: 110.4, skills: ['boat'] });
    const far = addVolunteer(h, 'telegram:2', { lat: -7.5, lon: 110.4, skills: ['boat'] });
    const ids = () => h.ledger.volunteers.nearest(-7.9, 110.4, { skill: 'boat' }).map((n) => n.volunteer.id);
    expect(ids()).toEqual([near, far]);
    const actor = { id: 'telegram:1', at: 1 };
    h.ledger.volunteers.setAvailable(actor, near, false);
    expect(ids()).toEqual([far]);
    h.ledger.volunteers.setAvailable(actor, near, true);
    h.ledger.volunteers.moveTo(actor, near, {
      area: null,
      lat: -7.0,
      lon: 110.4,
      areaLat: null,
      areaLon: null,
    });
    expect(ids()).toEqual([far, near]);
    h.ledger.volunteers.leave(actor, far);
    expect(ids()).toEqual([near]);
    expect(h.ledger.volunteers.nearest(-7.9, 110.4, { skill: 'no-such-skill' })).toEqual([]);
  });

  it('bounds a box that holds the whole circle, also near the antimeridian', () => {
    const box = boundingBox(-7.9, 110.4, 10);
    expect(box.minLat).toBeLessThan(-7.9 - 0.089);
    expect(box.maxLon - 110.4).toBeGreaterThan(0.09);
    expect(boundingBox(0, 179.99, 10)).toMatchObject({ minLon: -180, maxLon: 180 });
  });
});

describe('volunteer list', () => {
  it('filters by area (and below), skill and availability', () => {
    h = new Harness();
    addVolunteer(h, 'telegram:1', { area: 'DIY/Bantul/Imogiri', skills: ['boat'] });
    addVolunteer(h, 'telegram:2', { area: 'DIY/Bantul', skills: ['medical'] });
    const off = addVolunteer(h, 'telegram:3', { area: 'DIY/Sleman', skills: ['boat'] });
    h.ledger.volunteers.setAvailable({ id: 'x', at: 1 }, off, false);
    const names = (f: Parameters<Ledger['volunteers']['list']>[0]) =>
      h.ledger.volunteers.list(f).volunteers.map((v) => v.personId);
    expect(names({ area: 'DIY/Bantul' })).toEqual(['telegram:2', 'telegram:1']);
    expect(names({ skill: 'boat' })).toEqual(['telegram:1', 'telegram:3']);
    expect(names({ available: false })).toEqual(['telegram:3']);
    expect(h.ledger.volunteers.list({ limit: 1 }).total).toBe(3);
  });
});

describe('taking a task', () => {
  it('lets exactly one of two connections win the conditional update', () => {
    h = new Harness();
    const a = addVolunteer(h, 'telegram:1');
    const b = addVolunteer(h, 'telegram:2');
    const r = addRequest(h);
    const s = addRescue(h, { status: 'acknowledged' });
    const other = Ledger.open(h.file);
    try {
      // Both saw the task free; the second UPDATE finds its condition false and changes nothing.
      expect(h.ledger.tasks.get(`R-${r}`)!.status).toBe('verified');
      expect(other.tasks.get(`R-${r}`)!.status).toBe('verified');
      const first = h.ledger.tasks.take({ id: 'telegram:1', at: 1 }, a, `R-${r}`);
      const second = other.tasks.take({ id: 'telegram:2', at: 2 }, b, `R-${r}`);
      expect(first.ok).toBe(true);
      expect(second).toMatchObject({ ok: false, reason: 'taken', by: a });
      expect(other.tasks.take({ id: 'telegram:2', at: 3 }, b, `S-${s}`).ok).toBe(true);
      expect(h.ledger.tasks.take({ id: 'telegram:1', at: 4 }, a, `S-${s}`)).toMatchObject({
        ok: false,
        reason: 'taken',
        by: b,
      });
    } finally {
      other.close();
    }
    const assigned = h.ledger.events.forSubject(`R-${r}`).filter((e) => e.kind === 'request.assigned');
    expect(assigned).toHaveLength(1);
    expect(JSON.parse(assigned[0]!.payload)).toMatchObject({ volunteer: `V-${a}` });
    expect(h.db.prepare('SELECT acknowledged_at FROM rescues').pluck().get()).not.toBeNull();
  });
});
