import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readGroupMessage } from '../../src/domain/group-reading.ts';
import { wordsFingerprint } from '../../src/domain/words-fingerprint.ts';

/**
 * Listen mode's reader (issue 34) over generated group chatter: needs stay needs whatever greeting is
 * around them, danger alerts wherever it is said, and greetings, prayers and news are never drafted.
 */

const GREETINGS = [
  'Assalamualaikum wr wb',
  'selamat pagi semua',
  'Selamat malam bapak ibu',
  'halo rekan2 relawan',
  'permisi',
  'Good morning everyone',
  'hi all',
  'mohon maaf mengganggu',
  '🙏',
];
const CLOSINGS = ['terima kasih', 'makasih 🙏', 'matur nuwun', 'thanks all', 'Wassalam', 'salam', ''];
const PRAYERS = [
  'semoga semua diberi kekuatan',
  'aamiin ya rabbal alamin',
  'mari kita doakan saudara kita',
  'ya Allah lindungi kami semua',
  'praying for everyone',
  'turut berduka cita',
  'tetap semangat',
  'stay strong',
];
const NEWS = [
  'BMKG: hujan lebat diperkirakan hingga besok',
  'menurut BNPB ribuan warga mengungsi',
  'Berita terkini banjir Bantul https://news.example.com/1',
  'BPBD mencatat ratusan rumah terendam',
  'according to officials the river is still high',
  'Breaking: the bridge at Siluk was closed, officials said',
  'waspada potensi hujan deras malam ini',
];
const CHATTER = ['rapat jam 4 sore di balai desa', 'otw posko', 'noted pak', 'siap laksanakan', 'wkwk'];

const ITEMS = [
  ['air', 'galon'],
  ['beras', 'karung'],
  ['selimut', 'lembar'],
  ['terpal', 'lembar'],
  ['mie instan', 'dus'],
  ['popok', 'bungkus'],
  ['susu bayi', 'kaleng'],
  ['water', 'bottles'],
  ['blankets', ''],
  ['rice', 'kg'],
] as const;
const ASKS = [
  'butuh',
  'kami butuh',
  'posko kekurangan',
  'mohon bantuan',
  'tlg kirim',
  'perlu',
  'need',
  'urgent need',
];
const PLACES = [
  'posko Imogiri',
  'balai desa Sriharjo',
  'Masjid Al Falah',
  'Dusun Jetis',
  'the school shelter',
];

const need = fc
  .record({
    ask: fc.constantFrom(...ASKS),
    item: fc.constantFrom(...ITEMS),
    qty: fc.integer({ min: 1, max: 500 }),
    people: fc.option(fc.integer({ min: 2, max: 900 }), { nil: undefined }),
    place: fc.option(fc.constantFrom(...PLACES), { nil: undefined }),
  })
  .map(({ ask, item, qty, people, place }) =>
    [
      `${ask} ${item[0]} ${qty} ${item[1]}`.trim(),
      people === undefined ? '' : `untuk ${people} org`,
      place === undefined ? '' : `di ${place}`,
    ]
      .filter(Boolean)
      .join(' '),
  );

const DANGER = [
  'kami terjebak di atap',
  'ada lansia terjebak di rumah',
  'air naik terus, 5 orang di atap',
  'ada yang tertimbun longsor',
  'anak hanyut terbawa arus',
  'ada yg tenggelam di sungai',
  'nenek saya tidak bisa keluar, air sudah sedada',
  'rumah roboh, ada orang di dalam',
  'people are trapped on the roof',
  'my family is stranded, water rising',
  'someone was swept away by the river',
];

const around = (core: fc.Arbitrary<string>) =>
  fc
    .tuple(
      fc.constantFrom(...GREETINGS),
      core,
      fc.constantFrom(...CLOSINGS),
      fc.constantFrom(', ', '. ', '\n', ' '),
    )
    .map(([hello, said, bye, sep]) => [hello, said, bye].filter(Boolean).join(sep));

describe('reading group messages (properties)', () => {
  it('a need embedded in greetings and thanks is still read as a need, with its items', () => {
    fc.assert(
      fc.property(around(need), (text) => {
        const r = readGroupMessage(text);
        expect(r.kind, text).toBe('need');
        expect(r.items.length, text).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a danger phrase anywhere among greetings alerts', () => {
    fc.assert(
      fc.property(
        around(fc.constantFrom(...DANGER)),
        fc.option(fc.constantFrom(...PLACES), { nil: undefined }),
        (text, place) => {
          const written = place ? `${text} di ${place}` : text;
          expect(readGroupMessage(written).kind, written).toBe('danger');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('pure noise from greeting, prayer, news and chatter templates is never drafted', () => {
    const noise = fc
      .array(fc.constantFrom(...GREETINGS, ...PRAYERS, ...NEWS, ...CHATTER, ...CLOSINGS.filter(Boolean)), {
        minLength: 1,
        maxLength: 4,
      })
      .chain((parts) => fc.constantFrom(', ', '. ', '\n').map((sep) => parts.join(sep)));
    fc.assert(
      fc.property(noise, (text) => {
        expect(readGroupMessage(text).kind, text).toBe('noise');
      }),
      { numRuns: 400 },
    );
  });

  it('the same words forwarded, re-spaced or re-cased, are one fingerprint; other words another', () => {
    fc.assert(
      fc.property(need, fc.constantFrom('', ' ', '\n', '  '), (text, pad) => {
        const forwarded = `${pad}${text.toUpperCase().replace(/ /g, '  ')}${pad}`;
        expect(wordsFingerprint(forwarded)).toBe(wordsFingerprint(text));
        expect(wordsFingerprint(`${text} 7`)).not.toBe(wordsFingerprint(text));
      }),
    );
  });
});
