import { describe, expect, it } from 'vitest';
import {
  BLOOD_GROUPS,
  canGiveRedCells,
  formatBloodGroup,
  mayDonateAgain,
  readBloodGroup,
} from '../../src/domain/blood.ts';

/**
 * The red-cell compatibility matrix written out by hand (rows: donor, columns: recipient, in the order
 * O- O+ A- A+ B- B+ AB- AB+), from the transfusion chart, not from the code's rule.
 */
const ORDER = ['O-', 'O+', 'A-', 'A+', 'B-', 'B+', 'AB-', 'AB+'];
const MATRIX: Record<string, string> = {
  'O-': '11111111',
  'O+': '01010101',
  'A-': '00110011',
  'A+': '00010001',
  'B-': '00001111',
  'B+': '00000101',
  'AB-': '00000011',
  'AB+': '00000001',
};

describe('canGiveRedCells', () => {
  it('agrees with the hand-written chart on all 64 pairs', () => {
    for (const donor of BLOOD_GROUPS)
      for (const recipient of BLOOD_GROUPS) {
        const row = MATRIX[formatBloodGroup(donor)]!;
        const expected = row[ORDER.indexOf(formatBloodGroup(recipient))] === '1';
        expect([
          formatBloodGroup(donor),
          formatBloodGroup(recipient),
          canGiveRedCells(donor, recipient),
        ]).toEqual([formatBloodGroup(donor), formatBloodGroup(recipient), expected]);
      }
  });
});

describe('readBloodGroup and the interval', () => {
  it.each([
    ['O+', 'O+'],
    ['ab-', 'AB-'],
    ['A pos', 'A+'],
    ['B negatif', 'B-'],
    ['0+', 'O+'],
    ['O rh+', 'O+'],
  ])('%s → %s', (text, expected) => expect(formatBloodGroup(readBloodGroup(text)!)).toBe(expected));
  it.each(['O', 'C+', 'AB', 'A++', ''])('refuses %j', (text) => expect(readBloodGroup(text)).toBeUndefined());
  it('needs the interval since the last donation; someone who never gave may', () => {
    const day = 86_400_000;
    expect(mayDonateAgain(null, 0, 60)).toBe(true);
    expect(mayDonateAgain(0, 59 * day, 60)).toBe(false);
    expect(mayDonateAgain(0, 60 * day, 60)).toBe(true);
  });
});
