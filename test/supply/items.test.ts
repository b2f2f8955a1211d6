import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_IDS, ITEM_WORDS, MAX_ITEMS, parseItems, sharedItems } from '../../src/domain/items.ts';

const items = (text: string) => {
  const parsed = parseItems(text);
  if (!parsed.ok) throw new Error(`expected items from ${JSON.stringify(text)}, got ${parsed.problem}`);
  return parsed.items;
};

describe('parseItems', () => {
  it('reads quantities, units and catalog items in English', () => {
    expect(items('20 water, 5 kg rice, diapers')).toEqual([
      { item: 'water', qty: 20 },
      { item: 'rice', qty: 5, unit: 'kg' },
      { item: 'diapers' },
    ]);
    expect(items('3 blankets and 2 tarps; 10 bottles of water')).toEqual([
      { item: 'blanket', qty: 3 },
      { item: 'tarp', qty: 2 },
      { item: 'water', qty: 10, unit: 'bottle' },
    ]);
    expect(items('hygiene kits x4\ninstant noodles 2 boxes')).toEqual([
      { item: 'hygiene_kit', qty: 4 },
      { item: 'noodles', qty: 2, unit: 'box' },
    ]);
  });

  it('understands Indonesian words and word order', () => {
    expect(items('beras 10 karung, 20 air, popok dan obat')).toEqual([
      { item: 'rice', qty: 10, unit: 'sack' },
      { item: 'water', qty: 20 },
      { item: 'diapers' },
      { item: 'medicine' },
    ]);
    expect(
      items('2 dus mie instan, susu bayi 6 kaleng, selimut 5, terpal, makanan, pakaian, masker 100'),
    ).toEqual([
      { item: 'noodles', qty: 2, unit: 'box' },
      { item: 'baby_milk', qty: 6, unit: 'can' },
      { item: 'blanket', qty: 5 },
      { item: 'tarp' },
      { item: 'food' },
      { item: 'clothes' },
      { item: 'mask', qty: 100 },
    ]);
  });

  it('prefers the longest name: susu bayi is baby milk, susu alone is milk', () => {
    expect(items('susu bayi, susu')).toEqual([{ item: 'baby_milk' }, { item: 'milk' }]);
  });

  it('reads glued units and decimals: 5kg, 1.5 l, x3', () => {
    expect(items('5kg beras, 1.5 l minyak goreng, x3 senter')).toEqual([
      { item: 'rice', qty: 5, unit: 'kg' },
      { item: 'cooking_oil', qty: 1.5, unit: 'liter' },
      { item: 'flashlight', qty: 3 },
    ]);
  });

  it('keeps things outside the catalog in the words used', () => {
    expect(items('2 kompor gas, 20 air')).toEqual([
      { item: 'other', qty: 2, text: 'kompor gas' },
      { item: 'water', qty: 20 },
    ]);
  });

  it('adds up the same item named twice', () => {
    expect(items('20 water, 10 air')).toEqual([{ item: 'water', qty: 30 }]);
  });

  it('says what to fix instead of guessing', () => {
    expect(parseItems('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseItems(' , ; !!')).toEqual({ ok: false, problem: 'empty' });
    expect(parseItems('20, water')).toMatchObject({ ok: false, problem: 'no-name', part: '20' });
    expect(parseItems('0 water')).toMatchObject({ ok: false, problem: 'not-positive' });
    expect(parseItems('-5 rice')).toMatchObject({ ok: false, problem: 'not-positive', part: '-5 rice' });
    expect(parseItems('999999999 water')).toMatchObject({ ok: false, problem: 'bad-quantity' });
    expect(parseItems('water, '.repeat(300))).toEqual({ ok: false, problem: 'too-long' });
    const many = Array.from({ length: MAX_ITEMS + 1 }, (_, i) => `thing${i}`).join(', ');
    expect(parseItems(many)).toEqual({ ok: false, problem: 'too-many' });
  });

  it('knows every catalog word', () => {
    for (const id of ITEM_IDS)
      for (const word of ITEM_WORDS[id]) expect(items(`3 ${word}`)).toEqual([{ item: id, qty: 3 }]);
  });

  it('tells overlapping lists apart', () => {
    expect(sharedItems(items('20 water, rice'), items('air 5'))).toBe(true);
    expect(sharedItems(items('20 water'), items('selimut'))).toBe(false);
  });
});

describe('parseItems on any text (property)', () => {
  const check = (text: string) => {
    const parsed = parseItems(text);
    if (parsed.ok) {
      expect(parsed.items.length).toBeGreaterThan(0);
      expect(parsed.items.length).toBeLessThanOrEqual(MAX_ITEMS);
      for (const i of parsed.items) {
        if (i.qty !== undefined) expect(i.qty > 0 && Number.isFinite(i.qty)).toBe(true);
        if (i.item === 'other') expect(i.text?.length).toBeGreaterThan(0);
      }
    } else {
      expect(['empty', 'too-long', 'too-many', 'no-name', 'bad-quantity', 'not-positive']).toContain(
        parsed.problem,
      );
    }
  };

  it('gives items or a clear re-ask, never a throw, for any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 1200 }), check), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), check), { numRuns: 300 });
  });

  it('finds every catalog item in any list built from catalog words and quantities', () => {
    const entry = fc.record({
      id: fc.constantFrom(...ITEM_IDS),
      qty: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
      sep: fc.constantFrom(', ', '; ', '\n', ' dan ', ' and '),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), fc.nat(), (entries, pick) => {
        const text = entries
          .map((e, i) => {
            const words = ITEM_WORDS[e.id];
            const word = words[(pick + i) % words.length]!;
            return `${e.qty === undefined ? '' : `${e.qty} `}${word}${i < entries.length - 1 ? e.sep : ''}`;
          })
          .join('');
        const found = items(text).map((i) => i.item);
        for (const e of entries) expect(found).toContain(e.id);
      }),
      { numRuns: 300 },
    );
  });
});
