import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABO, RHESUS } from '../../src/domain/blood.ts';
import { readBloodAppeal } from '../../src/domain/blood-appeal.ts';

const rhWords = {
  '+': ['+', ' positif', ' pos', ' rh+', ' positive'],
  '-': ['-', ' negatif', ' neg', ' rh-', ' negative'],
};
const openers = [
  'Dibutuhkan segera donor darah golongan',
  'BUTUH DARAH',
  'Urgent: blood donors needed, type',
  'Mohon bantuannya, cari pendonor',
  'tlg dibantu, butuh darah gol',
  'Need blood',
];
const tails = [
  ' 3 kantong di RS Panembahan Senopati, hubungi 0812-3456-7890',
  ' for my father at Sardjito, call +62 811 222 333',
  ', 2 labu, RSUD Wates. CP Bu Sri 0857xxxx',
  '',
];

describe('reading a forwarded blood appeal', () => {
  it('reads the group and rhesus however the appeal spells them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...openers),
        fc.constantFrom(...ABO),
        fc.constantFrom(...RHESUS),
        fc.nat(4),
        fc.constantFrom(...tails),
        fc.boolean(),
        (opener, abo, rh, spelling, tail, lower) => {
          const word = rhWords[rh][spelling]!;
          const text = `${opener} ${abo}${word}${tail}`;
          expect(readBloodAppeal(lower ? text.toLowerCase() : text)).toEqual({ abo, rh });
        },
      ),
    );
  });

  it('reads a group named without rhesus only after a word that names it', () => {
    expect(readBloodAppeal('Cari pendonor goldar O, di RSUD Wates')).toEqual({ abo: 'O' });
    expect(readBloodAppeal('butuh darah golongan AB segera')).toEqual({ abo: 'AB' });
    expect(readBloodAppeal('A donor came to the posko at 9 o clock')).toBeUndefined();
  });

  it('leaves alone messages about other things, and blood talk that names no group', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'butuh 20 air dan 5 kg beras untuk 30 orang di Imogiri',
          'Tolong, air naik, ada lansia di rumah',
          'Terima kasih para donatur, semoga berkah',
          'A+ work everyone, O my god what a day',
          'darah tinggi kambuh, butuh obat',
          'donor darah minggu depan di PMI, siapa ikut?',
          'bags of rice arrived, 50 bags',
        ),
        (text) => {
          expect(readBloodAppeal(text)).toBeUndefined();
        },
      ),
    );
  });
});
