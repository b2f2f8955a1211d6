import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLocations } from '../../src/domain/locations.ts';
import { normalise, phoneKey, redact } from '../../src/domain/redaction.ts';

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** Every separator people (and people hiding a number) put between digit groups. */
const separator = fc.constantFrom('', ' ', '-', '.', ' - ', ' . ', '–', '—', ' – ', '/', '_', '  ', ') ');
/** Digits as other keyboards type them: full-width, Arabic-Indic, Eastern Arabic, Devanagari. */
const script = fc.constantFrom(0x30, 0xff10, 0x660, 0x6f0, 0x966);
const inScript = (s: string, zero: number) => s.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202E', '\u00AD');

const phoneDigits = fc
  .tuple(
    fc.constantFrom('+62 ', '+62', '62', '0', '0062 ', '++62', '+ 62 ', '+1 ', '+44 ', '(0274) ', '0'),
    fc.constantFrom('8', '21', '274', '81'),
    digits(2),
    separator,
    digits(4),
    separator,
    fc.integer({ min: 3, max: 4 }).chain(digits),
  )
  .map(([prefix, area, a, s1, b, s2, c]) => `${prefix}${area}${a}${s1}${b}${s2}${c}`);

/** A phone number as typed: maybe in another script, maybe with invisible characters inside. */
const phone = fc
  .tuple(phoneDigits, script, fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 3 }))
  .map(([p, zero, inserts]) => {
    let s = inScript(p, zero);
    for (const [at, ch] of inserts) {
      const i = at % (s.length + 1);
      s = s.slice(0, i) + ch + s.slice(i);
    }
    return { typed: s, digits: p.replace(/\D/g, '') };
  });

const filler = fc.constantFrom(
  'call',
  'hubungi',
  'WA',
  'di',
  'kontak:',
  'tel.',
  '(',
  ')',
  ',',
  'air naik',
  'R-12',
  '4 orang',
  'jam 18:00',
  'Imogiri',
);
/** Words glued to a number without a space: `HP0812...`, `0812...ya`. */
const glue = fc.constantFrom('', '', ' ', 'HP', 'WA:', 'ya', 'nya', '.', ',');
/** A coordinate's hemisphere letter reads as a word when glued to one, so only punctuation is glued. */
const punctuation = fc.constantFrom('', ' ', '.', ',', '(', ')');
const sentence = (inner: fc.Arbitrary<string>, glued: fc.Arbitrary<string> = glue) =>
  fc
    .tuple(fc.array(filler, { maxLength: 3 }), glued, inner, glued, fc.array(filler, { maxLength: 3 }))
    .map(([a, g1, x, g2, b]) => `${a.join(' ')} ${g1}${x}${g2} ${b.join(' ')}`);

const digitsOnly = (s: string) => normalise(s).replace(/\D/g, '');

/** A point in Indonesia or anywhere, and the many ways people write it. */
const point = fc.tuple(
  fc.double({ min: -89.99, max: 89.99, noNaN: true }),
  fc.double({ min: -179.99, max: 179.99, noNaN: true }),
  fc.integer({ min: 3, max: 8 }),
);

function dmsOf(v: number, pos: string, neg: string): string {
  const a = Math.abs(v);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = ((a - d) * 60 - m) * 60;
  return `${d}°${m}'${s.toFixed(1)}"${v < 0 ? neg : pos}`;
}

const SHAPES: Record<string, (lat: number, lon: number, p: number) => string> = {
  decimal: (lat, lon, p) => `${lat.toFixed(p)},${lon.toFixed(p)}`,
  spaced: (lat, lon, p) => `${lat.toFixed(p)}, ${lon.toFixed(p)}`,
  'full stop after': (lat, lon, p) => `${lat.toFixed(p)},${lon.toFixed(p)}.`,
  'decimal comma': (lat, lon, p) => `${lat.toFixed(p).replace('.', ',')} ${lon.toFixed(p).replace('.', ',')}`,
  hemispheres: (lat, lon, p) =>
    `${Math.abs(lat).toFixed(p)} ${lat < 0 ? 'S' : 'N'} ${Math.abs(lon).toFixed(p)} ${lon < 0 ? 'W' : 'E'}`,
  'LS/BT': (lat, lon, p) =>
    `${Math.abs(lat).toFixed(p)} ${lat < 0 ? 'LS' : 'LU'}, ${Math.abs(lon).toFixed(p)} ${lon < 0 ? 'BB' : 'BT'}`,
  dms: (lat, lon) => `${dmsOf(lat, 'N', 'S')} ${dmsOf(lon, 'E', 'W')}`,
  'dms primes': (lat, lon) =>
    `${dmsOf(lat, 'N', 'S')} ${dmsOf(lon, 'E', 'W')}`.replace(/'/g, '′').replace(/"/g, '″'),
  geo: (lat, lon, p) => `geo:${lat.toFixed(p)},${lon.toFixed(p)}`,
  'google maps': (lat, lon, p) => `https://maps.google.com/?q=${lat.toFixed(p)},${lon.toFixed(p)}`,
  'google maps @': (lat, lon, p) =>
    `https://www.google.com/maps/place/Posko/@${lat.toFixed(p)},${lon.toFixed(p)},17z/data=!3d${lat.toFixed(p)}!4d${lon.toFixed(p)}`,
  'apple maps': (lat, lon, p) => `https://maps.apple.com/?ll=${lat.toFixed(p)},${lon.toFixed(p)}&q=Posko`,
  openstreetmap: (lat, lon, p) =>
    `https://www.openstreetmap.org/?mlat=${lat.toFixed(p)}&mlon=${lon.toFixed(p)}#map=17/${lat.toFixed(p)}/${lon.toFixed(p)}`,
};
const shape = fc.constantFrom(...Object.keys(SHAPES));

const fineDecimal = /\d[.,]\d{3,}/;
const coarsePair = /-?\d+\.\d\d,-?\d+\.\d\d(?!\d)/g;
const dmsRemnant = /\d\s*['′]\s*\d/;

describe('the redaction', () => {
  it('leaves no phone number in the sentence it was given, in any form', () => {
    fc.assert(
      fc.property(
        phone.chain((p) => sentence(fc.constant(p.typed)).map((text) => ({ text, p }))),
        ({ text, p }) => {
          const out = redact(text);
          // The number's significant digits (after the country or trunk prefix) must not survive.
          expect(digitsOnly(out.text)).not.toContain(p.digits.slice(-8));
          expect(out.phones).toBeGreaterThanOrEqual(1);
          // Stored redacted, then rendered: the second pass finds nothing more.
          expect(redact(out.text)).toEqual({ text: out.text, phones: 0, locations: 0 });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('leaves no coordinate finer than 2 decimals, in any shape', () => {
    fc.assert(
      fc.property(
        fc.tuple(point, shape).chain(([[lat, lon, places], name]) =>
          sentence(fc.constant(SHAPES[name]!(lat, lon, places)), punctuation).map((text) => ({
            text,
            lat,
            lon,
            name,
          })),
        ),
        ({ text, lat, lon }) => {
          const out = redact(text);
          expect(out.text.replace(coarsePair, '')).not.toMatch(fineDecimal);
          expect(out.text).not.toMatch(dmsRemnant);
          expect(out.locations).toBeGreaterThanOrEqual(1);
          // What groups may see is still there: the point to about 1 km (as written, then rounded).
          const [, a, b] = /(-?\d+\.\d\d),(-?\d+\.\d\d)/.exec(out.text) ?? [];
          expect(Math.abs(Number(a) - lat)).toBeLessThan(0.006);
          expect(Math.abs(Number(b) - lon)).toBeLessThan(0.006);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('takes a phone number and a location out of one sentence and says how many', () => {
    const out = redact('Pak Darto HP081234567890, di -7.912345,110.335678. WA 0812 - 9999 - 1234');
    expect(out).toEqual({ text: 'Pak Darto HP[...], di -7.91,110.34. WA [...]', phones: 2, locations: 1 });
  });

  it('removes a map link it cannot read whole', () => {
    expect(redact('lokasi https://maps.app.goo.gl/Xy12abc ya')).toEqual({
      text: 'lokasi [📍] ya',
      phones: 0,
      locations: 1,
    });
  });

  it('keeps references, counts, dates, times, money and coarse locations readable', () => {
    const text =
      'R-12 for 4 orang at 18:00 on 2026-12-01, area DIY/Bantul/Imogiri, near -7.93,110.39; ' +
      'buka 08.00-17.00 WIB 1/12/2026 - 3/12/2026, donasi Rp 15.000.000, 1.500 kg beras, S-3 V-40';
    expect(redact(text)).toEqual({ text, phones: 0, locations: 0 });
  });

  it('lets registered public contacts through, and only them', () => {
    const publicContacts = new Set([phoneKey('+62 812-1111-2222')]);
    const out = redact('Posko Imogiri: 0812 1111 2222, Pak Darto 0812 3333 4444', { publicContacts });
    expect(out).toEqual({ text: 'Posko Imogiri: 0812 1111 2222, Pak Darto [...]', phones: 1, locations: 0 });
  });

  it('reads digits of every script and drops invisible characters', () => {
    expect(normalise('٠٨١٢\u200B３４５')).toBe('0812345');
    expect(phoneKey('0812-3456')).toBe(phoneKey('+62 812 3456'));
    expect(phoneKey('0062 812 3456')).toBe('628123456');
  });

  it('finds each shape once, without overlaps; coarse points are not exact', () => {
    const spans = findLocations('a -7.912345,110.335678 b geo:-7.9,110.3 c');
    expect(spans.map((s) => [s.lat, s.lon, s.exact])).toEqual([
      [-7.912345, 110.335678, true],
      [-7.9, 110.3, false],
    ]);
  });
});
