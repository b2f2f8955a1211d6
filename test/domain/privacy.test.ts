import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hidePhoneNumbers, redactForGroup, roundCoordinates } from '../../src/domain/privacy.ts';

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const separator = fc.constantFrom('', ' ', '-', '.', ' - ');

/** Indonesian and international phone numbers as people type them. */
const phone = fc
  .tuple(
    fc.constantFrom('+62 ', '+62', '62', '0', '0062 ', '+1 ', '+44 '),
    fc.constantFrom('8', '21', '274'),
    digits(2),
    separator,
    digits(4),
    separator,
    digits(3),
  )
  .map(([prefix, area, a, s1, b, s2, c]) => `${prefix}${area}${a}${s1}${b}${s2}${c}`);

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
);
const textAround = (inner: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.array(filler, { maxLength: 3 }), inner, fc.array(filler, { maxLength: 3 }))
    .map(([a, x, b]) => [...a, x, ...b].join(' '));

const digitsOnly = (s: string) => s.replace(/\D/g, '');

describe('group privacy filter', () => {
  it('leaves no phone number in the text, in any common form', () => {
    fc.assert(
      fc.property(textAround(phone), phone, (text, p) => {
        const out = hidePhoneNumbers(text);
        // The number's significant digits (after the country or trunk prefix) must not survive.
        expect(digitsOnly(out)).not.toContain(digitsOnly(p).slice(-8));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no coordinate with more than 2 decimals', () => {
    const coord = fc
      .tuple(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.integer({ min: 3, max: 8 }),
      )
      .map(([lat, lon, places]) => `${lat.toFixed(places)},${lon.toFixed(places)}`);
    fc.assert(
      fc.property(textAround(coord), (text) => {
        expect(roundCoordinates(text)).not.toMatch(/\d\.\d{3,}/);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps references, counts, dates and times readable', () => {
    const text = 'R-12 for 4 orang at 18:00 on 2026-12-01, area DIY/Bantul/Imogiri, near -7.93,110.39';
    expect(redactForGroup(text)).toBe(text);
  });
});
