import { afterEach, describe, expect, it } from 'vitest';
import { loadAreaDefs } from '../../src/config.ts';
import { Areas } from '../../src/domain/areas.ts';
import { aggregateNeeds } from '../../src/domain/matching.ts';
import { publicSummary } from '../../src/domain/public-summary.ts';
import { Ledger } from '../../src/ledger/index.ts';
import { ledgerLocation } from '../support/engine.ts';
import { tempDir } from '../support/harness.ts';

/**
 * The public view on both engines (listed in vitest.config.ts's ENGINE_NEUTRAL): the figures of a small
 * ledger whose answers were worked out by hand, and the columns it reads (none personal).
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function open(): Ledger {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const ledger = Ledger.open(ledgerLocation(t.dir));
  cleanups.push(() => ledger.close());
  return ledger;
}

const areas = new Areas(loadAreaDefs('data/areas/diy.json'));
const MIN = 60_000;
const T = 1_800_000_000_000;
const at = (minutes: number) => ({ id: 'console:koor', at: T + minutes * MIN });
const opaque = (ref: string) => `x${ref.length}`;

describe('public view', () => {
  it('counts, times and small-count suppression match a hand-worked ledger', () => {
    const ledger = open();
    ledger.transaction(() => {
      // Four requests in Imogiri, reported at minutes 0, 10, 20, 30; verified 10, 20, 30, 40 minutes after.
      for (let i = 0; i < 4; i++) {
        const r = ledger.requests.create(at(i * 10), {
          requester: `console:p${i}`,
          items: [
            { item: 'water', qty: 10 },
            { item: 'other', text: 'Obat Pak Budi 0812 3456 7890' },
          ],
          area: 'DIY/Bantul/Imogiri',
          address: 'Jl. Mawar 7',
          contact: '0812-3456-7890',
          notes: 'rumah Bu Sari',
        });
        ledger.requests.move(at(i * 10 + (i + 1) * 10), r.id, 'verified');
      }
      // One assigned at 50 and delivered 60 minutes after its report (request 1, reported at 0).
      expect(ledger.requests.move(at(50), 1, 'assigned')?.ok).toBe(true);
      expect(ledger.requests.move(at(60), 1, 'delivered')?.ok).toBe(true);
      // Two in Sewon, one still new: Sewon has fewer than 3 open verified needs.
      const s = ledger.requests.create(at(5), {
        requester: 'console:q',
        items: [{ item: 'rice', qty: 3 }],
        area: 'DIY/Bantul/Sewon',
      });
      ledger.requests.move(at(8), s.id, 'verified');
      ledger.requests.create(at(6), {
        requester: 'console:q2',
        items: [{ item: 'rice', qty: 1 }],
        area: 'DIY/Bantul/Sewon',
      });
      // Rescue cases: three, acknowledged after 5, 8 and 30 minutes.
      for (const [i, ack] of [5, 8, 30].entries()) {
        const c = ledger.rescues.open(
          at(i),
          `console:r${i}`,
          { area: 'DIY/Bantul/Imogiri', address: 'Dusun X', needsLocationCheck: false },
          { contact: '+62 812 1111 2222' },
        );
        ledger.rescues.acknowledge(at(i + ack), c.id);
      }
    });
    const records = ledger.publicView.records();
    const s = publicSummary(
      records,
      aggregateNeeds(ledger.offers.neededItems()),
      areas,
      T + 120 * MIN,
      'Asia/Jakarta',
      opaque,
    );
    const all = s.figures.all;
    expect(all.received).toBe(6);
    expect(all.verified).toBe(5);
    expect(all.delivered).toBe('fewer-than-3');
    // To verification: 10, 20, 30, 40 (Imogiri) and 3 (Sewon): median 20, 90th percentile by rank 40.
    expect(all.toVerify).toEqual({ median: 20 * MIN, p90: 40 * MIN, n: 5 });
    expect(all.toDeliver).toEqual({ median: null, p90: null, n: 'fewer-than-3' });
    // Two of three rescue cases within 10 minutes.
    expect(all.acknowledgedInTime).toBeCloseTo(2 / 3);
    const imogiri = s.areas.find((a) => a.area === 'DIY/Bantul/Imogiri')!;
    expect(imogiri.openNeeds).toBe(3);
    expect(imogiri.activeRescues).toBe(3);
    // What `/needs` says is still needed: three open requests of 10 water; the words outside the catalog stay out.
    expect(imogiri.items).toEqual([{ item: 'water', qty: 30 }]);
    expect(imogiri.lat).toBeTypeOf('number');
    const sewon = s.areas.find((a) => a.area === 'DIY/Bantul/Sewon')!;
    expect(sewon.openNeeds).toBe('fewer-than-3');
    expect(sewon.items).toEqual([{ item: 'rice', qty: 3 }]);
    // Waiting, oldest first by age only: 3 verified + 1 new in Imogiri/Sewon... and 3 rescue cases.
    expect(s.waiting.map((w) => w.ageMs)).toEqual([...s.waiting.map((w) => w.ageMs)].sort((a, b) => b - a));
    expect(s.waiting).toHaveLength(8);
    expect(s.daily.reduce((n, d) => n + d.opened, 0)).toBe(9);
    expect(s.verified.map((v) => v.id)).not.toContain('R-2');
    expect(JSON.stringify(s)).not.toMatch(/Budi|Sari|Mawar|Dusun|0812|3456|1111|console:/);
  });

  it('lists open verified blood requests with the registered hospital and the count of yeses only', () => {
    const ledger = open();
    const hospital = ledger.hospitals.ensure(at(0), {
      name: 'RS Imogiri',
      area: 'DIY/Bantul/Imogiri',
      lat: null,
      lon: null,
    });
    const request = (group: { abo: 'O' | 'A'; rh: '+' | '-' }, verified: boolean, deadline: number) =>
      ledger.blood.createRequest(at(0), {
        requester: 'console:family',
        group,
        bags: 3,
        hospital: 'RS Imogiri, call Bu Sri 0812 3456 7890',
        hospitalId: hospital.id,
        area: 'DIY/Bantul/Imogiri',
        lat: -7.9,
        lon: 110.4,
        deadline: T + deadline * MIN,
        verified,
      });
    const live = request({ abo: 'O', rh: '+' }, true, 600);
    request({ abo: 'A', rh: '-' }, false, 600);
    request({ abo: 'A', rh: '+' }, true, 5);
    ledger.blood.asked(at(1), live.id, ['console:d1', 'console:d2']);
    ledger.blood.answer(at(2), live.id, 'console:d1', true);
    ledger.blood.answer(at(2), live.id, 'console:d2', false);
    expect(ledger.publicView.bloodNeeds(T + 10 * MIN)).toEqual([
      { group: 'O+', hospital: 'RS Imogiri', area: 'DIY/Bantul/Imogiri', bags: 3, found: 1 },
    ]);
  });
});
