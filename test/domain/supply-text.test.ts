import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseItems } from '../../src/domain/items.ts';
import { readSupplyText } from '../../src/domain/supply-text.ts';

const ITEMS = [
  ['air', 'water'],
  ['beras', 'rice'],
  ['selimut', 'blanket'],
  ['terpal', 'tarp'],
  ['popok', 'diapers'],
  ['tents', 'tent'],
  ['obat', 'medicine'],
  ['susu bayi', 'baby_milk'],
] as const;

const line = fc.record({
  item: fc.constantFrom(...ITEMS),
  qty: fc.oneof(
    fc.integer({ min: 1, max: 5000 }).map((n) => ({ written: String(n), value: n })),
    fc
      .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 9 }))
      .map(([a, b]) => ({ written: `${a},${b} kg`, value: a + b / 10 })),
  ),
});
const people = fc.integer({ min: 1, max: 9999 });
const peopleShape = fc.constantFrom(
  (n: number) => `untuk ${n} orang`,
  (n: number) => `for ${n} people`,
  (n: number) => `${n} orang:`,
  (n: number) => `${n} jiwa`,
  (n: number) => `${n} KK`,
  (n: number) => `utk ${n} org`,
);
const phone = fc
  .tuple(fc.integer({ min: 10_000_000, max: 99_999_999 }), fc.constantFrom('08', '+62 8', '628'))
  .map(([n, prefix]) => {
    const digits = String(n);
    return {
      written: `${prefix}12-${digits.slice(0, 4)}-${digits.slice(4)}`,
      digits: `${prefix.replace(/\s/g, '')}12${digits}`,
    };
  });

describe('one-shot supply text (property)', () => {
  it('the people count and phone numbers never become quantities; every item keeps its own', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(line, { minLength: 1, maxLength: 5, selector: (l) => l.item[1] }),
        people,
        peopleShape,
        fc.option(phone, { nil: undefined }),
        fc.integer({ min: 0, max: 2 }),
        (lines, n, shape, contact, where) => {
          const items = lines.map((l) => `${l.qty.written} ${l.item[0]}`);
          if (contact) items.splice(1, 0, `hubungi Bu Sri ${contact.written}`);
          const list = items.join(', ');
          const text = [`${shape(n)} ${list}`, `${list} ${shape(n)}`, `${list}, ${shape(n)}, segera`][where]!;
          const read = readSupplyText(text);
          expect(read.people, text).toBe(n);
          expect(read.phone, text).toBe(contact?.digits);
          const parsed = parseItems(read.itemsText);
          expect(parsed.ok, text).toBe(true);
          if (!parsed.ok) return;
          for (const l of lines) {
            const got = parsed.items.find((i) => i.item === l.item[1]);
            expect(got?.qty, `${text} → ${JSON.stringify(parsed.items)}`).toBeCloseTo(l.qty.value, 5);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('zero and negative quantities are refused with the part that says so', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ITEMS), fc.integer({ min: -5000, max: 0 }), (item, qty) => {
        const parsed = parseItems(readSupplyText(`${qty} ${item[0]} untuk 5 orang`).itemsText);
        expect(parsed).toMatchObject({ ok: false, problem: 'not-positive' });
      }),
    );
  });
});

describe('the issue-14 examples', () => {
  it.each([
    ['6 orang: 20 air', 6, undefined, [{ item: 'water', qty: 20 }]],
    ['air dan beras untuk 6 orang', 6, undefined, [{ item: 'water' }, { item: 'rice' }]],
    [
      'obat untuk Bu Sri 0812-3456-7000, 2 selimut',
      undefined,
      '081234567000',
      [{ item: 'medicine' }, { item: 'blanket', qty: 2 }],
    ],
    ['2,5 kg gula', undefined, undefined, [{ item: 'other', qty: 2.5, unit: 'kg', text: 'gula' }]],
  ])('%s', (text, n, contact, items) => {
    const read = readSupplyText(text);
    expect(read.people).toBe(n);
    expect(read.phone).toBe(contact);
    expect(parseItems(read.itemsText)).toEqual({ ok: true, items });
  });
});

describe('numbers written in words (property)', () => {
  const ID = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
  const EN = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
  const TEENS = [
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
  ];
  const indonesian = (n: number): string =>
    n === 100
      ? 'seratus'
      : n < 10
        ? ID[n]!
        : n === 10
          ? 'sepuluh'
          : n === 11
            ? 'sebelas'
            : n < 20
              ? `${ID[n - 10]} belas`
              : `${ID[Math.floor(n / 10)]} puluh${n % 10 ? ` ${ID[n % 10]}` : ''}`;
  const english = (n: number): string =>
    n === 100
      ? 'a hundred'
      : n < 10
        ? EN[n]!
        : n < 20
          ? TEENS[n - 10]!
          : `${TENS[Math.floor(n / 10)]}${n % 10 ? `-${EN[n % 10]}` : ''}`;
  const said = fc
    .tuple(fc.integer({ min: 1, max: 100 }), fc.boolean())
    .map(([n, id]) => [n, id ? indonesian(n) : english(n)] as const);

  it('a quantity and a people count in words are read as numbers, never dropped', () => {
    fc.assert(
      fc.property(said, said, fc.constantFrom(...ITEMS), ([q, qWords], [p, pWords], [word, id]) => {
        const read = readSupplyText(`${word} ${qWords} untuk ${pWords} orang`);
        expect(read.people).toBe(p);
        const items = parseItems(read.itemsText);
        expect(items.ok && items.items).toEqual([expect.objectContaining({ item: id, qty: q })]);
      }),
    );
  });
});

describe('contact words are never items (property)', () => {
  it('a part led by hubungi, kontak, telp, wa or call, with or without a number, adds no item', () => {
    const cue = fc.constantFrom('hubungi', 'Hubungi', 'kontak', 'telp', 'WA', 'wa:', 'call', 'hub.');
    const rest = fc.constantFrom(
      'saya',
      'bu Sri',
      'aja',
      'ya',
      'me',
      '0812 3456 7890',
      'Pak Budi 081234567890 (rumah)',
    );
    fc.assert(
      fc.property(cue, rest, fc.boolean(), (c, r, first) => {
        const contact = `${c} ${r}`;
        const text = first ? `${contact}; beras 5 kg` : `beras 5 kg, ${contact}`;
        const items = parseItems(readSupplyText(text).itemsText);
        expect(items, text).toEqual({ ok: true, items: [{ item: 'rice', qty: 5, unit: 'kg' }] });
      }),
    );
  });
});
