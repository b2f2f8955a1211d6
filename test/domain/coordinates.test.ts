import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodePlusCode,
  findCoordinates,
  readCoordinates,
  withoutCoordinates,
} from '../../src/domain/coordinates.ts';

const ALPHABET = '23456789CFGHJMPQRVWX';

/** A 15-digit plus code, written independently of the decoder (the OLC reference's integer method). */
function plusCode(lat: number, lon: number): string {
  let latN = Math.floor((Math.min(lat, 90 - 1e-9) + 90) * 8000 * 3125);
  let lonN = Math.floor(((((lon + 180) % 360) + 360) % 360) * 8000 * 1024);
  let grid = '';
  for (let i = 0; i < 5; i++) {
    grid = ALPHABET[(latN % 5) * 4 + (lonN % 4)]! + grid;
    latN = Math.floor(latN / 5);
    lonN = Math.floor(lonN / 4);
  }
  let pairs = '';
  for (let i = 0; i < 5; i++) {
    pairs = ALPHABET[latN % 20]! + ALPHABET[lonN % 20]! + pairs;
    latN = Math.floor(latN / 20);
    lonN = Math.floor(lonN / 20);
  }
  return `${pairs.slice(0, 8)}+${pairs.slice(8)}${grid}`;
}

function dms(value: number, positive: string, negative: string, marks: [string, string]): string {
  const milli = Math.round(Math.abs(value) * 3600 * 1000);
  const deg = Math.floor(milli / 3_600_000);
  const min = Math.floor((milli % 3_600_000) / 60_000);
  const sec = ((milli % 60_000) / 1000).toFixed(3);
  return `${deg}°${min}${marks[0]}${sec}${marks[1]}${value < 0 ? negative : positive}`;
}

const d6 = (n: number) => n.toFixed(6);
const comma = (n: number) => n.toFixed(6).replace('.', ',');

type Shape = (lat: number, lon: number) => string;
const SHAPES: Record<string, Shape> = {
  comma: (a, o) => `${d6(a)},${d6(o)}`,
  commaSpace: (a, o) => `${d6(a)}, ${d6(o)}`,
  space: (a, o) => `${d6(a)} ${d6(o)}`,
  semicolon: (a, o) => `${d6(a)};${d6(o)}`,
  labelled: (a, o) => `lat: ${d6(a)} lon: ${d6(o)}`,
  decimalComma: (a, o) => `${comma(a)} ${comma(o)}`,
  decimalCommaSemicolon: (a, o) => `${comma(a)}; ${comma(o)}`,
  dms: (a, o) => `${dms(a, 'N', 'S', ["'", '"'])} ${dms(o, 'E', 'W', ["'", '"'])}`,
  dmsPrimes: (a, o) => `${dms(a, 'N', 'S', ['′', '″'])}, ${dms(o, 'E', 'W', ['′', '″'])}`,
  dmsDoubleQuote: (a, o) => `${dms(a, 'N', 'S', ["'", "''"])} ${dms(o, 'E', 'W', ["'", "''"])}`,
  dmsIndonesian: (a, o) => `${dms(a, ' LU', ' LS', ["'", '"'])} ${dms(o, ' BT', ' BB', ["'", '"'])}`,
  geo: (a, o) => `geo:${d6(a)},${d6(o)}`,
  geoQuery: (a, o) => `geo:0,0?q=${d6(a)},${d6(o)}(Rumah)`,
  googleQ: (a, o) => `https://www.google.com/maps?q=${d6(a)},${d6(o)}`,
  googleEncoded: (a, o) => `https://maps.google.com/maps?q=${d6(a)}%2C${d6(o)}&z=15`,
  googleAt: (a, o) => `https://www.google.com/maps/@${d6(a)},${d6(o)},15z`,
  googlePlace: (a, o) => `https://www.google.com/maps/place/Dusun+Kali/@${d6(a)},${d6(o)},17z/data=!4m2`,
  googlePin: (a, o) => `https://www.google.com/maps/place/X/@0.5,0.5,17z/data=!3m1!3d${d6(a)}!4d${d6(o)}`,
  googleLl: (a, o) => `https://maps.google.com/?ll=${d6(a)},${d6(o)}`,
  osmMap: (a, o) => `https://www.openstreetmap.org/#map=17/${d6(a)}/${d6(o)}`,
  osmMarker: (a, o) => `https://www.openstreetmap.org/?mlat=${d6(a)}&mlon=${d6(o)}#map=15/0/0`,
  appleLl: (a, o) => `https://maps.apple.com/?ll=${d6(a)},${d6(o)}&q=Pin`,
  appleQ: (a, o) => `https://maps.apple.com/?q=${d6(a)},${d6(o)}`,
  plusCode: (a, o) => plusCode(a, o),
};

const point = fc.record({
  lat: fc.double({ min: -89.9999, max: 89.9999, noNaN: true }),
  lon: fc.double({ min: -179.9999, max: 179.9999, noNaN: true }),
});
const punctuation = fc.constantFrom(
  '',
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  ')',
  '...',
  '!!',
  '.)',
  ' .',
  '\n',
  '. Tolong cepat',
);
const before = fc.constantFrom('', 'SOS ', 'Posisi saya ', '(', 'di ', 'lokasi: ');

const close = (a: number, b: number) => Math.abs(a - b) < 5e-6;

describe('readCoordinates', () => {
  it('reads any point in any shape, followed by any punctuation, back to the same point (5 decimals)', () => {
    fc.assert(
      fc.property(
        point,
        fc.constantFrom(...Object.keys(SHAPES)),
        before,
        punctuation,
        (p, shape, pre, post) => {
          const written = SHAPES[shape]!(p.lat, p.lon);
          const read = readCoordinates(`${pre}${written}${post}`);
          expect(read?.kind, `${pre}${written}${post}`).toBe('point');
          if (read?.kind !== 'point') return;
          expect(
            close(read.lat, p.lat) && close(read.lon, p.lon),
            `${written} → ${read.lat},${read.lon}`,
          ).toBe(true);
          expect(read.start).toBe(pre.length);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds every point in a text, as spans that cover what was written', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(point, fc.constantFrom(...Object.keys(SHAPES))), { minLength: 1, maxLength: 4 }),
        (points) => {
          const parts = points.map(([p, shape]) => SHAPES[shape]!(p.lat, p.lon));
          const text = `SOS ${parts.join(' lalu ')}.`;
          const found = findCoordinates(text);
          expect(found.map((f) => text.slice(f.start, f.end))).toEqual(parts);
          expect(withoutCoordinates(text, '')).toBe(`SOS ${parts.map(() => '').join(' lalu ')}.`);
        },
      ),
    );
  });

  it('refuses coordinates off the globe, in every shape that can write them', () => {
    const outside = fc.oneof(
      fc.record({
        lat: fc.double({ min: 90.001, max: 999, noNaN: true }),
        lon: fc.double({ min: -180, max: 180, noNaN: true }),
      }),
      fc.record({
        lat: fc.double({ min: -90, max: 90, noNaN: true }),
        lon: fc.double({ min: 180.001, max: 999, noNaN: true }),
      }),
    );
    const shapes = ['comma', 'space', 'semicolon', 'decimalComma', 'geo', 'googleQ', 'osmMap', 'appleLl'];
    fc.assert(
      fc.property(outside, fc.constantFrom(...shapes), punctuation, (p, shape, post) => {
        const read = readCoordinates(`SOS ${SHAPES[shape]!(p.lat, p.lon)}${post}`);
        expect(read?.kind).toBe('out-of-range');
      }),
    );
  });

  it.each([
    ['SOS 999,999', '999,999'],
    ['SOS 999, 999!', '999, 999'],
    ['SOS -95.5,110.3.', '-95.5,110.3'],
    [`7°75'00"S 110°20'08"E`, `7°75'00"S 110°20'08"E`],
  ])('%s is out of range', (text, written) => {
    expect(readCoordinates(text)).toMatchObject({ kind: 'out-of-range', written });
  });

  it.each([
    ['SOS -7.912345,110.335678.', -7.912345, 110.335678],
    ['-7,9123 110,3356', -7.9123, 110.3356],
    [`7°54'44.4"S 110°20'08.4"E`, -7.912333, 110.335667],
    [`7° 54' 44.4" S, 110° 20' 08.4" E`, -7.912333, 110.335667],
    ['7.9123 LS 110.3356 BT', -7.9123, 110.3356],
    ['https://www.google.com/maps/place/Imogiri/@-7.91,110.33,15z/data=!3d-7.92!4d110.34', -7.92, 110.34],
    ['https://www.openstreetmap.org/#map=17/-7/110', -7, 110],
    ['8FVC9G8F+6X', 47.3655625, 8.5249375],
    ['(−7.9, 110.3)', -7.9, 110.3],
  ])('%s → %d,%d', (text, lat, lon) => {
    const read = readCoordinates(text);
    expect(read?.kind).toBe('point');
    if (read?.kind === 'point')
      expect([read.lat.toFixed(5), read.lon.toFixed(5)]).toEqual([lat.toFixed(5), lon.toFixed(5)]);
  });

  it.each([
    'SOS 3, 4 orang',
    '4, 5 orang di Imogiri',
    '/butuh 2,5 kg gula',
    'Bu Sri 0812 3456 7000',
    'telp 812 345 678',
    '+62 812-3456-7000',
    'Jl. Imogiri Timur km 8, RT 05, 4 orang',
    'https://maps.app.goo.gl/AbCdEf',
    '9G8F+6X Zurich',
  ])('%s holds no coordinates', (text) => {
    expect(readCoordinates(text)).toBeUndefined();
  });

  it('reads a point after list punctuation, not after a number of its own', () => {
    // The redaction has no second reader: a point the reader misses after `SOS,` would reach groups.
    expect(readCoordinates('SOS,-7.912345,110.335678.')).toMatchObject({ lat: -7.912345, lon: 110.335678 });
    expect(readCoordinates(' ,0.000,0.000. ')).toMatchObject({ lat: 0, lon: 0 });
    expect(findCoordinates('1.5,-7.91,110.33')).toEqual([]);
  });

  it('decodes full plus codes only', () => {
    expect(decodePlusCode('6P5G2QQV+W7')).toBeDefined();
    expect(decodePlusCode('XP5G2QQV+W7')).toBeUndefined();
  });
});
