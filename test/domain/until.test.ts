import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_OFFER_DAYS, readUntil, splitUntil } from '../../src/domain/until.ts';
import { formatLocal } from '../../src/domain/when.ts';

const TZ = 'Asia/Jakarta';
// Tuesday 1 December 2026, 07:00 in Jakarta.
const NOW = Date.UTC(2026, 11, 1, 0, 0, 0);
const day = (text: string) => {
  const at = readUntil(text, TZ, NOW);
  return at === undefined ? undefined : formatLocal(at, TZ);
};

describe('readUntil', () => {
  it.each([
    ['Friday', '2026-12-04 23:59'],
    ['jumat', '2026-12-04 23:59'],
    ["Jum'at", '2026-12-04 23:59'],
    ['sampai Selasa', '2026-12-08 23:59'],
    ['tomorrow', '2026-12-02 23:59'],
    ['besok', '2026-12-02 23:59'],
    ['lusa', '2026-12-03 23:59'],
    ['hari ini', '2026-12-01 23:59'],
    ['3 days', '2026-12-04 23:59'],
    ['2 minggu', '2026-12-15 23:59'],
    ['10/12', '2026-12-10 23:59'],
    ['5/1', '2027-01-05 23:59'],
    ['2026-12-20', '2026-12-20 23:59'],
    ['tgl 10/12', '2026-12-10 23:59'],
  ])('%s → %s', (text, expected) => expect(day(text)).toBe(expected));

  it.each([
    '__proto__',
    'constructor',
    '3 constructor',
    'someday',
    '31/2',
    '2026-11-30',
    '100 days',
    '2027-12-01',
    '',
    'Friday next',
  ])('refuses %j', (text) => expect(day(text)).toBeUndefined());

  it('never answers a time in the past or beyond the longest an offer stands', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom('days', 'hari', 'weeks', 'minggu'),
        (noise, n, unit) => {
          for (const text of [noise, `${n} ${unit}`, `${n}/${(n % 12) + 1}`]) {
            const at = readUntil(text, TZ, NOW);
            if (at === undefined) continue;
            expect(at).toBeGreaterThan(NOW);
            expect(at).toBeLessThanOrEqual(NOW + (MAX_OFFER_DAYS + 1) * 86_400_000);
          }
        },
      ),
    );
  });
});

describe('splitUntil', () => {
  it('splits at the until-word in both languages', () => {
    expect(splitUntil('Sleman until Friday')).toEqual({ before: 'Sleman', until: 'until Friday' });
    expect(splitUntil('Posko Imogiri sampai besok')).toEqual({
      before: 'Posko Imogiri',
      until: 'sampai besok',
    });
    expect(splitUntil('Sleman')).toEqual({ before: 'Sleman' });
  });
});
