import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseItems } from '../../src/domain/items.ts';

const MARKERS = [
  'No.',
  'no',
  'Nomor',
  'RT',
  'rt.',
  'RW',
  'Gg.',
  'gang',
  'Km',
  'km.',
  'Blok',
  'Lt.',
  'lantai',
];

describe('numbers in an address written among the items', () => {
  it('are never a quantity: No. 5, RT 02, km 8 stay words', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MARKERS),
        fc.integer({ min: 1, max: 999 }),
        fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
        (marker, n, qty) => {
          const part = `${qty === undefined ? '' : `${qty} `}antar ke rumah Bu Siti Jl. Mawar ${marker} ${n}`;
          const parsed = parseItems(`20 air, ${part}`);
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          const other = parsed.items.find((i) => i.item === 'other');
          expect(other?.qty).toBe(qty);
        },
      ),
    );
  });

  it('the issue’s example keeps its house number out of the quantity', () => {
    const parsed = parseItems('20 air, antar ke rumah Bu Siti Jl. Mawar No. 5 RT 02');
    expect(parsed).toMatchObject({ ok: true, items: [{ item: 'water', qty: 20 }, { item: 'other' }] });
    if (parsed.ok) expect(parsed.items[1]!.qty).toBeUndefined();
  });
});
