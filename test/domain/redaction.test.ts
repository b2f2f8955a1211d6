import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLocations } from '../../src/domain/locations.ts';
import { normalise, phoneKey, redact, redactReport, redactText } from '../../src/domain/redaction.ts';

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

/** Every punctuation (P*) and symbol (S*) character of Unicode. */
const PUNCTUATION_AND_SYMBOLS: string[] = [];
for (let cp = 0; cp <= 0x10ffff; cp++) {
  if (cp >= 0xd800 && cp <= 0xdfff) continue;
  const c = String.fromCodePoint(cp);
  if (/^[\p{P}\p{S}]$/u.test(c)) PUNCTUATION_AND_SYMBOLS.push(c);
}
const spaces = fc.constantFrom('', '', ' ', '  ', '\u00A0', '\u3000');
/** Any such character, or a letter that reads as a digit or a stroke, with spaces around it or not. */
const anySeparator = fc
  .tuple(
    spaces,
    fc.oneof(fc.constantFrom(...PUNCTUATION_AND_SYMBOLS), fc.constantFrom('o', 'O', 'l', 'I')),
    spaces,
  )
  .map(([a, c, b]) => `${a}${c}${b}`);

/** Phone digits in groups, each pair of groups joined by its own separator. */
const separatedPhone = fc
  .tuple(
    fc.constantFrom('+62 ', '0', '62', '+1 ', '(0274) '),
    fc.constantFrom('8', '21', '274'),
    digits(2),
    anySeparator,
    digits(4),
    anySeparator,
    fc.integer({ min: 3, max: 4 }).chain(digits),
  )
  .map(([prefix, area, a, s1, b, s2, c]) => ({
    typed: `${prefix}${area}${a}${s1}${b}${s2}${c}`,
    digits: `${prefix}${area}${a}${b}${c}`.replace(/\D/g, ''),
  }));

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
const privateHost = fc
  .tuple(
    fc.array(label, { minLength: 1, maxLength: 2 }),
    fc.constantFrom('id', 'com', 'ly', 'me', 'co.id', 'net', 'xyz'),
  )
  .map(([labels, tld]) => `${labels.join('.')}.${tld}`)
  .filter((h) => !/(?:^|\.)(?:go\.id|gov|int)$/.test(h));
const link = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'www.', ''),
    privateHost,
    label,
    fc.constantFrom('', '?id=12', '/x'),
  )
  .map(([scheme, host, path, tail]) => ({ typed: `${scheme}${host}/${path}${tail}`, host, path }));

const OLC = '23456789CFGHJMPQRVWX';
const olc = (n: number) =>
  fc.array(fc.constantFrom(...OLC), { minLength: n, maxLength: n }).map((c) => c.join(''));
const shortPlusCode = fc
  .tuple(fc.constantFrom(4, 6), fc.constantFrom(2, 3))
  .chain(([a, b]) => fc.tuple(olc(a), olc(b)))
  .map(([a, b]) => `${a}+${b}`);

/** Degrees, minutes and seconds with spaces only: `-7 54 44.4, 110 20 08.4`, `7 54 44 LS 110 20 8 BT`. */
function spacedDms(v: number, hemispheres: [string, string] | undefined): string {
  const a = Math.abs(v);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const sec = Math.min(59.9, ((a - d) * 60 - m) * 60);
  const body = `${d} ${String(m).padStart(2, '0')} ${sec.toFixed(1).padStart(4, '0')}`;
  if (!hemispheres) return `${v < 0 ? '-' : ''}${body}`;
  return `${body} ${v < 0 ? hemispheres[1] : hemispheres[0]}`;
}

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
          expect(redact(out.text)).toEqual({ text: out.text, phones: 0, locations: 0, links: 0 });
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

  it('reads digit groups joined by any punctuation, symbol or look-alike letter as one number', () => {
    fc.assert(
      fc.property(
        separatedPhone.chain((p) => sentence(fc.constant(p.typed), punctuation).map((text) => ({ text, p }))),
        ({ text, p }) => {
          const out = redactReport(text);
          expect(digitsOnly(out.text)).not.toContain(p.digits.slice(-8));
          expect(out.removed).toBeGreaterThanOrEqual(1);
          expect(redactReport(out.text)).toEqual({ text: out.text, removed: 0 });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('removes links to any host that is not an allow-listed public site', () => {
    fc.assert(
      fc.property(
        link.chain((l) => sentence(fc.constant(l.typed), punctuation).map((text) => ({ text, l }))),
        ({ text, l }) => {
          const out = redact(text);
          expect(out.links).toBe(1);
          expect(out.text).not.toContain(`${l.host}/${l.path}`);
          expect(out.text).toContain('[🔗]');
        },
      ),
      { numRuns: 500 },
    );
    const kept = 'Info resmi: https://bnpb.go.id/berita/banjir dan https://id.wikipedia.org/wiki/Banjir';
    expect(redact(kept)).toEqual({ text: kept, phones: 0, locations: 0, links: 0 });
    expect(redactText('rumahnya di https://s.id/rumahbudi ya')).toBe('rumahnya di [🔗] ya');
  });

  it('removes a private link behind an allow-listed one, a mistyped scheme and dots of other scripts', () => {
    fc.assert(
      fc.property(
        link,
        fc.constantFrom('https://bnpb.go.id/r?u=', 'https://id.wikipedia.org/w?to=', 'bnpb.go.id/x?next='),
        fc.constantFrom('https//', 'http:/', 'hxxps://', ''),
        (l, publicSite, scheme) => {
          const hidden = `${scheme}${l.host}/${l.path}`;
          for (const text of [
            `${publicSite}${hidden}`,
            `${publicSite}${encodeURIComponent(`https://${l.host}/${l.path}`)}`,
            hidden,
          ]) {
            const out = redact(`lihat ${text} ya`);
            expect(out.text).not.toContain(`${l.host}/${l.path}`);
            expect(out.links).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(redactText('lihat s\u3002id/rumahbudi ya')).toBe('lihat [🔗] ya');
  });

  it('removes short plus codes written with spaces around the +', () => {
    fc.assert(
      fc.property(
        shortPlusCode.filter((c) => /[A-Z]/.test(c)),
        fc.constantFrom(' + ', ' +', '+ ', '  +  '),
        (code, plus) => {
          const written = code.replace('+', plus);
          const out = redact(`lokasi ${written} Imogiri`);
          expect(out.text).toBe('lokasi [📍] Imogiri');
        },
      ),
      { numRuns: 300 },
    );
    expect(redactText('butuh 2345 + 67 dus')).toBe('butuh 2345 + 67 dus');
  });

  it('removes short plus codes, with or without their town', () => {
    fc.assert(
      fc.property(
        shortPlusCode.chain((code) =>
          sentence(fc.constant(code), punctuation).map((text) => ({ text, code })),
        ),
        ({ text, code }) => {
          const out = redact(`${text} Imogiri`);
          expect(out.text).not.toContain(code);
          expect(out.locations).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rounds degrees, minutes and seconds written with spaces alone', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          point,
          fc.constantFrom<[string, string] | undefined>(undefined, ['LU', 'LS'], ['N', 'S']),
          fc.constantFrom(', ', ' ', ' ; ', ','),
        ),
        ([[lat, lon], hemi, sep]) => {
          const lonHemi: [string, string] | undefined = hemi && (hemi[0] === 'N' ? ['E', 'W'] : ['BT', 'BB']);
          const written = `${spacedDms(lat, hemi)}${sep}${spacedDms(lon, lonHemi)}`;
          const out = redact(`lokasi ${written} tolong`);
          expect(out.locations).toBe(1);
          expect(out.text).not.toContain(written.split(' ').slice(0, 3).join(' '));
          const [, a, b] = /(-?\d+\.\d\d),(-?\d+\.\d\d)/.exec(out.text) ?? [];
          expect(Math.abs(Number(a) - lat)).toBeLessThan(0.006);
          expect(Math.abs(Number(b) - lon)).toBeLessThan(0.006);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads digit groups of any length joined by any separator, repeated, or by a modifier or look-alike letter', () => {
    // Groups of 1 to 4 digits (`08°12°34...` once read as points), separators doubled and padded.
    const MODIFIER_LETTERS = [...'ʹʺʻʼʽˆˇˈˉˊˋˌˍˎˏːˑˠˡˢˣˤˬˮʰʲˀـーゝ々'];
    const joiner = fc
      .tuple(
        spaces,
        fc.oneof(
          fc.constantFrom(...PUNCTUATION_AND_SYMBOLS).chain((c) => fc.constantFrom(c, `${c}${c}`)),
          fc.constantFrom(...MODIFIER_LETTERS, 'o', 'O', 'l', 'I', 'i', 'L', 'x', 'X'),
        ),
        spaces,
      )
      .map(([a, c, b]) => `${a}${c}${b}`)
      .chain((j) => fc.constantFrom(j, j, 'S', 'B', 'Z'));
    const grouped = fc
      .tuple(
        fc.constantFrom('+62', '62', '0', '+62 ', '(+62)'),
        fc.constantFrom('812', '813', '821', '852', '274', '21'),
        digits(7),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 4, maxLength: 7 }),
        joiner,
      )
      .map(([prefix, area, rest, cuts, j]) => {
        const all = `${area}${rest}`;
        const groups: string[] = [];
        let at = 0;
        for (const n of cuts) {
          if (at >= all.length) break;
          groups.push(all.slice(at, at + n));
          at += n;
        }
        if (at < all.length) groups.push(all.slice(at));
        return { typed: `${prefix}${j}${groups.join(j)}`, digits: all };
      });
    fc.assert(
      fc.property(
        grouped.chain((p) => sentence(fc.constant(p.typed), punctuation).map((text) => ({ text, p }))),
        ({ text, p }) => {
          const out = redactReport(text);
          expect(digitsOnly(out.text)).not.toContain(p.digits.slice(-7));
          expect(out.removed).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads a number spelt out in words, alone or mixed with digits', () => {
    const WORDS = [
      ['nol', 'kosong', 'zero'],
      ['satu', 'one'],
      ['dua', 'two'],
      ['tiga', 'three'],
      ['empat', 'four'],
      ['lima', 'five'],
      ['enam', 'six'],
      ['tujuh', 'seven'],
      ['delapan', 'eight'],
      ['sembilan', 'nine'],
    ];
    fc.assert(
      fc.property(
        digits(10),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        fc.nat(),
        fc.constantFrom(' ', ', ', '-', ' - '),
        (rest, spelt, pick, sep) => {
          const all = `0812${rest}`;
          const typed = [...all]
            .map((d, i) => (spelt[i] || i === 0 ? WORDS[Number(d)]![pick % WORDS[Number(d)]!.length]! : d))
            .join(sep);
          const out = redact(`tolong hubungi ${typed} sekarang`);
          expect(out.text).toBe('tolong hubungi [...] sekarang');
          expect(out.phones).toBe(1);
        },
      ),
      { numRuns: 500 },
    );
    const counted = 'satu dua tiga, 4 orang dan dua anak';
    expect(redact(counted).text).toBe(counted);
  });

  it('rounds spaced degrees with the hemisphere before or after, spelt out, or with decimal minutes', () => {
    const hemispheres = fc.constantFrom(
      [
        ['LU', 'LS'],
        ['BT', 'BB'],
      ],
      [
        ['N', 'S'],
        ['E', 'W'],
      ],
      [
        ['utara', 'selatan'],
        ['timur', 'barat'],
      ],
      [
        ['north', 'south'],
        ['east', 'west'],
      ],
    );
    const part = (v: number, h: readonly string[], before: boolean, minutesOnly: boolean) => {
      const a = Math.abs(v);
      const d = Math.floor(a);
      const mins = (a - d) * 60;
      const m = Math.floor(mins);
      const body = minutesOnly
        ? `${d} ${Math.min(59.999, mins).toFixed(3)}`
        : `${d} ${m} ${Math.min(59.9, (mins - m) * 60).toFixed(1)}`;
      const hemi = v < 0 ? h[1]! : h[0]!;
      return before ? `${hemi} ${body}` : `${body} ${hemi}`;
    };
    fc.assert(
      fc.property(
        point,
        hemispheres,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(', ', ' ', ' ; '),
        ([lat, lon], [latH, lonH], before, minutesOnly, sep) => {
          const written = `${part(lat, latH!, before, minutesOnly)}${sep}${part(lon, lonH!, before, minutesOnly)}`;
          const out = redact(`lokasi ${written} tolong`);
          expect(out.locations).toBe(1);
          const [, a, b] = /(-?\d+\.\d\d),(-?\d+\.\d\d)/.exec(out.text) ?? [];
          expect(Math.abs(Number(a) - lat)).toBeLessThan(0.006);
          expect(Math.abs(Number(b) - lon)).toBeLessThan(0.006);
          expect(out.text).not.toMatch(/\d\s+\d/);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('does not take counts, money, dates, times and references for a number', () => {
    const quantity = fc.oneof(
      fc.integer({ min: 0, max: 999 }).map(String),
      // A bare pair of thousands (`1.000, 1.500`) reads as a coordinate pair; people write their unit.
      fc.integer({ min: 1, max: 999 }).map((n) => `${n}.000 kg`),
      fc.constantFrom(
        '1.500 liter',
        'Rp 15.000.000',
        '2,5',
        'R-12',
        'S-3',
        '18:00',
        '08.00-17.00',
        '2026-12-01',
        '1/12/2026',
      ),
    );
    const unit = fc.constantFrom('', ' kg', ' orang', ' dus', ' liter');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(quantity, unit), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(', ', '; ', ' , '),
        (items, sep) => {
          const text = `butuh ${items.map(([q, u]) => `${q}${u}`).join(sep)} untuk posko`;
          expect(redact(text)).toEqual({ text, phones: 0, locations: 0, links: 0 });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('says how many things it removed, and nothing for clean text', () => {
    expect(redactReport('Hubungi 0812~3456~7890 di 2QQV+W7 Imogiri, https://s.id/rumahbudi')).toEqual({
      text: 'Hubungi [...] di [📍] Imogiri, [🔗]',
      removed: 3,
    });
    expect(redactReport('-7 54 44.4, 110 20 08.4')).toEqual({ text: '-7.91,110.34', removed: 1 });
    expect(redactReport('R-12: 20 air, 5 beras')).toEqual({ text: 'R-12: 20 air, 5 beras', removed: 0 });
  });

  it('takes a phone number and a location out of one sentence and says how many', () => {
    const out = redact('Pak Darto HP081234567890, di -7.912345,110.335678. WA 0812 - 9999 - 1234');
    expect(out).toEqual({
      text: 'Pak Darto HP[...], di -7.91,110.34. WA [...]',
      phones: 2,
      locations: 1,
      links: 0,
    });
  });

  it('removes a map link it cannot read whole', () => {
    expect(redact('lokasi https://maps.app.goo.gl/Xy12abc ya')).toEqual({
      text: 'lokasi [📍] ya',
      phones: 0,
      locations: 1,
      links: 0,
    });
  });

  it('keeps references, counts, dates, times, money and coarse locations readable', () => {
    const text =
      'R-12 for 4 orang at 18:00 on 2026-12-01, area DIY/Bantul/Imogiri, near -7.93,110.39; ' +
      'buka 08.00-17.00 WIB 1/12/2026 - 3/12/2026, donasi Rp 15.000.000, 1.500 kg beras, S-3 V-40';
    expect(redact(text)).toEqual({ text, phones: 0, locations: 0, links: 0 });
  });

  it('reads a number cut into a list of bare groups as a number, and a list of counts as counts', () => {
    // Found by the property above (seed 67373730): `62 , 210 , 0 , 0 , 1 , 0 , 0 , 0` passed as counts.
    for (const cut of [
      '62 , 210 , 0 , 0 , 1 , 0 , 0 , 0',
      '0, 812, 3, 45, 678, 90',
      '62 ; 274 ; 55 ; 51 ; 234',
    ])
      expect(digitsOnly(redactReport(`kabari ya ${cut} makasih`).text)).toBe('');
    const counts = 'tenda 20, 30, 40, 50 dan 60 orang; jam 08.00-17.00, 1.000 kg';
    expect(redact(counts)).toEqual({ text: counts, phones: 0, locations: 0, links: 0 });
  });

  it('lets registered public contacts through, and only them', () => {
    const publicContacts = new Set([phoneKey('+62 812-1111-2222')]);
    const out = redact('Posko Imogiri: 0812 1111 2222, Pak Darto 0812 3333 4444', { publicContacts });
    expect(out).toEqual({
      text: 'Posko Imogiri: 0812 1111 2222, Pak Darto [...]',
      phones: 1,
      locations: 0,
      links: 0,
    });
  });

  it('reads digits drawn as keycaps or with marks on them, and drops tag characters', () => {
    const mark = fc.constantFrom('', '\uFE0F\u20E3', '\u20E3', '\u0301', '\u20DD', '\uFE0F', '\u{E0020}');
    fc.assert(
      fc.property(
        digits(10),
        fc.array(mark, { minLength: 14, maxLength: 14 }),
        fc.constantFrom('', ' ', '-'),
        (rest, marks, sep) => {
          const all = `0812${rest}`;
          const typed = [...all].map((d, i) => `${d}${marks[i]}${i % 4 === 3 ? sep : ''}`).join('');
          const out = redact(`hubungi ${typed} ya`);
          expect(out.text).toBe('hubungi [...] ya');
        },
      ),
      { numRuns: 300 },
    );
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
