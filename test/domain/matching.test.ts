import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_IDS, type ItemId } from '../../src/domain/items.ts';
import {
  aggregateNeeds,
  distanceKm,
  type NeededItem,
  type NeedLine,
  type OfferLine,
  suggestMatches,
} from '../../src/domain/matching.ts';

const AREAS = ['DIY/Bantul/Imogiri', 'DIY/Bantul/Pundong', 'DIY/Sleman', null] as const;
const item = fc.constantFrom<ItemId>(...ITEM_IDS.slice(0, 4));
const unit = fc.option(fc.constantFrom('kg' as const, 'sack' as const), { nil: undefined });
const qty = fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined });
const point = fc.option(
  fc.record({
    lat: fc.double({ min: -8.2, max: -7.5, noNaN: true }),
    lon: fc.double({ min: 110, max: 110.8, noNaN: true }),
  }),
  {
    nil: undefined,
  },
);
const place = fc.record({ area: fc.constantFrom(...AREAS), p: point }).map(({ area, p }) => ({
  area,
  lat: p?.lat ?? null,
  lon: p?.lon ?? null,
}));
const need = fc.record({ requestId: fc.integer({ min: 1, max: 9 }), item, unit, qty, place }).map(
  ({ place: p, unit: u, qty: q, ...n }): NeedLine => ({
    ...n,
    ...p,
    ...(u ? { unit: u } : {}),
    ...(q === undefined ? {} : { qty: q }),
  }),
);
const offer = fc
  .record({ offerId: fc.integer({ min: 1, max: 9 }), line: fc.nat(3), item, unit, qty, place })
  .map(
    ({ place: p, unit: u, qty: q, ...o }): OfferLine => ({
      ...o,
      ...p,
      ...(u ? { unit: u } : {}),
      ...(q === undefined ? {} : { qty: q }),
    }),
  );

describe('suggestMatches', () => {
  it('pairs only the same item in a unit both use, within reach, never more than either side has', () => {
    fc.assert(
      fc.property(
        fc.array(need, { maxLength: 8 }),
        fc.array(offer, { maxLength: 8 }),
        fc.integer({ min: 1, max: 80 }),
        (needs, offers, maxKm) => {
          const found = suggestMatches(needs, offers, maxKm);
          for (const s of found) {
            const ns = needs.filter((x) => x.requestId === s.requestId && x.item === s.item);
            const os = offers.filter(
              (o) => o.offerId === s.offerId && o.line === s.line && o.item === s.item,
            );
            expect(ns.length * os.length).toBeGreaterThan(0);
            if (s.qty !== undefined) expect(s.qty).toBeGreaterThan(0);
            const fits = ns.some((n) =>
              os.some((o) => {
                const km = distanceKm(n, o);
                const within = km !== undefined && km <= maxKm;
                const enough =
                  s.qty === undefined || ((o.qty ?? s.qty) >= s.qty && (n.qty ?? s.qty) >= s.qty);
                return within && enough;
              }),
            );
            expect(fits).toBe(true);
          }
          // Nearest first.
          const kms = found.map((s) => s.km ?? 0);
          expect(kms).toEqual([...kms].sort((a, b) => a - b));
        },
      ),
    );
  });

  it('finds every helpful pair: a need and an offer of one item, one unit, one area always meet', () => {
    fc.assert(
      fc.property(
        item,
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (i, needed, offered) => {
          const at = { area: 'DIY/Bantul/Imogiri', lat: null, lon: null };
          const [s] = suggestMatches(
            [{ requestId: 1, item: i, qty: needed, ...at }],
            [{ offerId: 1, line: 0, item: i, qty: offered, ...at }],
            1,
          );
          expect(s).toMatchObject({ requestId: 1, offerId: 1, qty: Math.min(needed, offered) });
        },
      ),
    );
  });
});

describe('aggregateNeeds', () => {
  it('totals each area and item as the sum of what is left after pledges, dropping what is covered', () => {
    const line = fc.record({
      area: fc.constantFrom(...AREAS),
      item,
      qty: fc.integer({ min: 1, max: 500 }),
      pledged: fc.integer({ min: 0, max: 600 }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines: NeededItem[]) => {
        const result = aggregateNeeds(lines);
        for (const area of AREAS)
          for (const i of ITEM_IDS.slice(0, 4)) {
            const expected = lines
              .filter((l) => l.area === area && l.item === i)
              .reduce((sum, l) => sum + Math.max(0, l.qty! - l.pledged), 0);
            const got = result.find((a) => a.area === area)?.items.find((x) => x.item === i)?.qty ?? 0;
            expect(got).toBe(expected);
          }
      }),
    );
  });

  it('keeps an item asked for without a quantity until a pledge covers it; filters by area', () => {
    const needs: NeededItem[] = [
      { area: 'DIY/Bantul/Imogiri', item: 'blanket', pledged: 0 },
      { area: 'DIY/Sleman', item: 'blanket', pledged: 1 },
    ];
    expect(aggregateNeeds(needs)).toEqual([{ area: 'DIY/Bantul/Imogiri', items: [{ item: 'blanket' }] }]);
    expect(aggregateNeeds(needs, 'DIY/Sleman')).toEqual([]);
  });
});
