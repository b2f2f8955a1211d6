import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameParts, similarNames } from '../../src/domain/person-names.ts';

describe('similarNames', () => {
  it.each([
    ['Muhammad Rizki', 'Moh. Rizky'],
    ['Muhamad Yusuf', 'Mohammad Yusuf'],
    ['Siti Aminah', 'Sitti Aminah'],
    ['Bu Siti', 'Siti Rahayu'],
    ['Soekarno', 'Sukarno'],
    ['Djoko Santoso', 'Joko'],
    ['Tjipto', 'Cipto Mangunkusumo'],
    ['Pak Slamet', 'slamet riyadi'],
    ['Nurul Hidayah', 'Nurul Hidayat'],
  ])('%s ~ %s', (a, b) => expect(similarNames(a, b)).toBe(true));

  it.each([
    ['Muhammad Ali', 'Muhamad Budi'],
    ['Siti Aminah', 'Dewi Lestari'],
    ['Joko', 'Jokx'],
    ['Bu', 'Pak'],
  ])('%s ≁ %s', (a, b) => expect(similarNames(a, b)).toBe(false));

  it('is symmetric and matches a name with itself whatever its case, titles and punctuation', () => {
    const name = fc.stringMatching(/^[A-Za-z]{2,9}( [A-Za-z]{2,9}){0,2}$/);
    fc.assert(
      fc.property(name, name, fc.constantFrom('', 'Bu ', 'Pak ', 'Mbah '), (a, b, title) => {
        expect(similarNames(a, b)).toBe(similarNames(b, a));
        if (nameParts(a).some((p) => p !== 'muhammad'))
          expect(similarNames(`${title}${a.toUpperCase()}.`, a)).toBe(true);
      }),
    );
  });
});
