import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { takeContact } from '../../src/domain/contact-text.ts';
import { readCoordinates } from '../../src/domain/coordinates.ts';
import { parseItems } from '../../src/domain/items.ts';
import { normaliseInput } from '../../src/domain/normalise.ts';
import { parsePeopleCount, parseSosText } from '../../src/domain/sos-text.ts';
import { readSupplyText } from '../../src/domain/supply-text.ts';
import { Harness } from '../support/harness.ts';

/** The zero of each script's digits (Unicode Nd), ASCII and full-width included. */
const ZEROS = {
  ascii: 0x30,
  'arabic-indic': 0x660,
  'extended arabic-indic': 0x6f0,
  devanagari: 0x966,
  bengali: 0x9e6,
  gujarati: 0xae6,
  tamil: 0xbe6,
  thai: 0xe50,
  lao: 0xed0,
  tibetan: 0xf20,
  myanmar: 0x1040,
  khmer: 0x17e0,
  balinese: 0x1b50,
  javanese: 0xa9d0,
  'full-width': 0xff10,
  'mathematical bold': 0x1d7ce,
} as const;
const script = fc.constantFrom(...(Object.keys(ZEROS) as (keyof typeof ZEROS)[]));
const inScript = (s: string, name: keyof typeof ZEROS) =>
  s.replace(/\d/g, (d) => String.fromCodePoint(ZEROS[name] + Number(d)));
/** Full-width text writes its signs and separators full-width too: `－７.９１２３，１１０.３３５６`. */
const fullWidthSigns = (s: string) => s.replace(/-/g, '－').replace(/,/g, '，');

describe('one normaliser before every reader (property)', () => {
  it('a point written in any script reads as the same point', () => {
    fc.assert(
      fc.property(
        script,
        fc.integer({ min: -89_999, max: 89_999 }),
        fc.integer({ min: -179_999, max: 179_999 }),
        fc.boolean(),
        (name, lat1000, lon1000, wide) => {
          const lat = lat1000 / 1000;
          const lon = lon1000 / 1000;
          const ascii = `SOS ${lat.toFixed(4)},${lon.toFixed(4)}`;
          const written = inScript(wide ? fullWidthSigns(ascii) : ascii, name);
          const read = readCoordinates(normaliseInput(written));
          expect(read, written).toMatchObject({ kind: 'point' });
          if (read?.kind !== 'point') return;
          expect(read.lat).toBeCloseTo(lat, 4);
          expect(read.lon).toBeCloseTo(lon, 4);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a point in the separators and signs each keyboard types reads as the same point', () => {
    // Arabic: `٫` decimal and `،` comma; an en dash or the minus sign for the minus; a slash between.
    const arabic = (s: string) => s.replace(/\./g, '\u066B').replace(/,/g, '\u060C');
    const shapes: ((lat: string, lon: string) => string)[] = [
      (a, b) => arabic(`${a}, ${b}`),
      (a, b) => arabic(`${a},${b}`),
      (a, b) => `${a.replace('-', '\u2013')},${b}`,
      (a, b) => `${a.replace('-', '\u2212')} ${b}`,
      (a, b) => `${a}/${b}`,
    ];
    fc.assert(
      fc.property(
        fc.constantFrom<keyof typeof ZEROS>('ascii', 'arabic-indic', 'extended arabic-indic', 'devanagari'),
        fc.integer({ min: 1_000, max: 89_999 }),
        fc.integer({ min: 1_000, max: 179_999 }),
        fc.constantFrom(...shapes),
        (name, lat1000, lon1000, shape) => {
          const lat = -lat1000 / 1000;
          const lon = lon1000 / 1000;
          const written = inScript(`SOS ${shape(lat.toFixed(4), lon.toFixed(4))}`, name);
          const read = readCoordinates(normaliseInput(written));
          expect(read, written).toMatchObject({ kind: 'point' });
          if (read?.kind !== 'point') return;
          expect(read.lat).toBeCloseTo(lat, 4);
          expect(read.lon).toBeCloseTo(lon, 4);
        },
      ),
    );
  });

  it('the hemisphere written first, as Indonesian documents do (LS 7.9123 BT 110.3356)', () => {
    for (const text of ['LS 7.9123 BT 110.3356', 'S7.9123 E110.3356', 'LS 7,9123; BT 110,3356'])
      expect(readCoordinates(text), text).toMatchObject({ kind: 'point', lat: -7.9123, lon: 110.3356 });
    expect(readCoordinates('LU 1.5 BB 20.25')).toMatchObject({ lat: 1.5, lon: -20.25 });
  });

  it('quantities and people counts written in any script read as their values', () => {
    fc.assert(
      fc.property(
        script,
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 9999 }),
        fc.boolean(),
        (name, qty, people, thousands) => {
          const q = thousands ? qty * 1000 : qty;
          const written = inScript(`${thousands ? `${qty}.000` : qty} liter air untuk ${people} orang`, name);
          const read = readSupplyText(normaliseInput(written));
          expect(read.people, written).toBe(people);
          expect(parseItems(read.itemsText), written).toEqual({
            ok: true,
            items: [{ item: 'water', qty: q, unit: 'liter' }],
          });
          const sos = normaliseInput(inScript(`SOS ${people} orang di Imogiri`, name));
          expect(parseSosText(sos).peopleCount, sos).toBe(people);
          expect(parsePeopleCount(normaliseInput(inScript(String(people), name)))).toBe(people);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a phone number is never a quantity or a people count, whatever cue or place it has', () => {
    const cue = fc.constantFrom('', 'hubungi ', 'kontak: ', 'telp ', 'WA ', 'HP ', 'hubungi Bu Sri ');
    fc.assert(
      fc.property(
        cue,
        fc.integer({ min: 10_000_000, max: 99_999_999 }),
        fc.integer({ min: 0, max: 2 }),
        (c, n, where) => {
          const phone = `0812-${String(n).slice(0, 4)}-${String(n).slice(4)}`;
          const digits = `0812${n}`;
          const text = [
            `20 air ${c}${phone} untuk 5 orang`,
            `${c}${phone}, 20 air untuk 5 orang`,
            `20 air untuk 5 orang, ${c}${phone}`,
          ][where]!;
          const read = readSupplyText(text);
          expect(read.phone, text).toBe(digits);
          expect(read.people, text).toBe(5);
          expect(parseItems(read.itemsText), text).toEqual({ ok: true, items: [{ item: 'water', qty: 20 }] });
          const sos = parseSosText(`Imogiri, ${c}${phone} 3 orang`);
          expect(sos.phone).toBe(digits);
          expect(sos.peopleCount).toBe(3);
          expect(sos.address).toBe('Imogiri');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('numbers as Indonesians write them', () => {
  it.each([
    ['1.000 liter air untuk 50 orang', 50, [{ item: 'water', qty: 1000, unit: 'liter' }]],
    ['10.000 air', undefined, [{ item: 'water', qty: 10_000 }]],
    ['2,5 kg gula', undefined, [{ item: 'other', qty: 2.5, unit: 'kg', text: 'gula' }]],
    ['20 air untuk 1.000 orang', 1000, [{ item: 'water', qty: 20 }]],
    ['air untuk 0812-3456-7000 orang', undefined, [{ item: 'water' }]],
  ])('%s', (text, people, items) => {
    const read = readSupplyText(text);
    expect(read.people).toBe(people);
    expect(parseItems(read.itemsText)).toEqual({ ok: true, items });
  });

  it('a phone number after @ is the contact, not the address', () => {
    expect(takeContact(' Jl. Imogiri Timur km 8 HP 081234567890')).toEqual({
      rest: 'Jl. Imogiri Timur km 8',
      phone: '081234567890',
    });
    // Coordinates with many decimals are no phone number.
    expect(takeContact('-7.91234567,110.3356789')).toEqual({ rest: '-7.91234567,110.3356789' });
  });
});

describe('through the core', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('a point in other digits gets its area; counts in them are read; the contact after @ is kept apart', () => {
    h = new Harness({ ADMINS: 'telegram:900' });
    h.send('telegram:1', 'SOS －７.９３５１２,１１０.４０１２３ ٣ orang');
    expect(h.ledger.rescues.get(1)).toMatchObject({
      lat: -7.93512,
      lon: 110.40123,
      area: 'DIY/Bantul/Imogiri',
      peopleCount: 3,
    });
    h.send('telegram:2', '/butuh 1.000 liter air untuk ٢٠ orang @ Jl. Imogiri Timur km 8 HP 081234567890');
    const r = h.db.prepare('SELECT items, people_count, address, contact FROM requests').get() as Record<
      string,
      unknown
    >;
    expect(JSON.parse(r.items as string)).toEqual([{ item: 'water', qty: 1000, unit: 'liter' }]);
    expect(r).toMatchObject({ people_count: 20, address: 'Jl. Imogiri Timur km 8', contact: '081234567890' });
  });
});
