import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAreaDefs } from '../../src/config.ts';
import { Areas } from '../../src/domain/areas.ts';
import { parseItems } from '../../src/domain/items.ts';
import { normaliseInput } from '../../src/domain/normalise.ts';
import { parsePeopleCount, parsePhone, parseRescueRef, parseSosText } from '../../src/domain/sos-text.ts';
import { readSupplyText } from '../../src/domain/supply-text.ts';

const areas = new Areas(loadAreaDefs('DIY/Bantul/Imogiri@-7.93,110.39;DIY/Bantul/Pundong@-7.95,110.35'));

describe('reading an SOS written in one breath', () => {
  it('takes the issue example apart: address, area, people, conditions', () => {
    expect(parseSosText('Jl. Imogiri Timur km 8, 4 orang, air naik', areas)).toEqual({
      address: 'Jl. Imogiri Timur km 8',
      area: 'DIY/Bantul/Imogiri',
      peopleCount: 4,
      conditions: ['water_rising'],
    });
  });

  it('reads English the same way', () => {
    expect(
      parseSosText('Pundong village, four people trapped, water rising, kids and elderly', areas),
    ).toEqual({
      address: 'Pundong village',
      area: 'DIY/Bantul/Pundong',
      peopleCount: 4,
      conditions: ['children', 'elderly', 'trapped', 'water_rising'],
    });
  });

  it('finds coordinates (also in a map link) and keeps them out of the address', () => {
    expect(parseSosText('-7.80,110.36 empat orang, ada anak-anak dan lansia')).toEqual({
      lat: -7.8,
      lon: 110.36,
      peopleCount: 4,
      conditions: ['children', 'elderly'],
    });
    expect(parseSosText('https://maps.google.com/?q=-7.8012,110.3645')).toEqual({
      lat: -7.8012,
      lon: 110.3645,
      conditions: [],
    });
  });

  it('takes a phone number as the contact, not as part of the address', () => {
    expect(parseSosText('rumah biru dekat masjid, 0812-3456-7890, ada yang luka')).toEqual({
      address: 'rumah biru dekat masjid',
      phone: '081234567890',
      conditions: ['injured'],
    });
  });

  it('knows every condition in both languages', () => {
    expect(parseSosText('luka, anak, lansia, disabilitas, terjebak, air naik').conditions).toHaveLength(6);
    expect(
      parseSosText('injured, children, elderly, wheelchair, trapped, water is rising').conditions,
    ).toHaveLength(6);
    expect(parseSosText('Jl. Kalianak 3').conditions).toEqual([]);
  });

  it('keeps whatever it cannot place as the address', () => {
    expect(parseSosText('Dusun Mawar RT 3, dua belas orang')).toEqual({
      address: 'Dusun Mawar RT 3',
      peopleCount: 12,
      conditions: [],
    });
  });
});

describe('single answers', () => {
  it('reads a people count as a number, a number word, or with a people word', () => {
    expect(
      ['4', 'empat', '4 orang', 'kami 5 orang', 'four people', 'dua belas'].map(parsePeopleCount),
    ).toEqual([4, 4, 4, 5, 4, 12]);
    expect(parsePeopleCount('banyak')).toBeUndefined();
    expect(parsePeopleCount('0')).toBeUndefined();
  });

  it('rejects coordinates out of range and pairs without decimals', () => {
    expect(parseSosText('95.1,110.2')).toMatchObject({ outOfRange: '95.1,110.2' });
    expect(parseSosText('4, 5')).not.toHaveProperty('lat');
    expect(parseSosText('-7.80 110.36')).toMatchObject({ lat: -7.8, lon: 110.36 });
  });

  it('reads phone numbers and case references', () => {
    expect(parsePhone('+62 812 3456 7890')).toBe('+6281234567890');
    expect(parsePhone('km 8')).toBeUndefined();
    expect(['S-3', 's3', '#3', '3', 'R-3', ''].map(parseRescueRef)).toEqual([
      3,
      3,
      3,
      3,
      undefined,
      undefined,
    ]);
  });
});

describe('people counts as Indonesians write them (property)', () => {
  const ID = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
  const inWords = (n: number): string => {
    if (n === 100) return 'seratus';
    if (n < 10) return ID[n]!;
    if (n === 10) return 'sepuluh';
    if (n === 11) return 'sebelas';
    if (n < 20) return `${ID[n - 10]} belas`;
    return `${ID[Math.floor(n / 10)]} puluh${n % 10 ? ` ${ID[n % 10]}` : ''}`;
  };
  // Indonesian digit grouping: a dot every three digits (`1.500`), or none.
  const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const people = fc.constantFrom('orang', 'org', 'jiwa', 'people');
  const written = fc.oneof(
    fc.integer({ min: 1, max: 10_000 }).map((n) => [n, String(n)] as const),
    fc.integer({ min: 1_000, max: 10_000 }).map((n) => [n, grouped(n)] as const),
    fc.integer({ min: 1, max: 100 }).map((n) => [n, inWords(n)] as const),
  );

  it('a count with a people word is read whole, in digits, with thousands dots or in words', () => {
    fc.assert(
      fc.property(written, people, ([n, text], word) => {
        expect(parseSosText(`Imogiri, ${text} ${word}, air naik`).peopleCount).toBe(n);
        expect(parsePeopleCount(`${text} ${word}`)).toBe(n);
      }),
    );
  });

  it('the end of a decimal or a phone number is never a count; an implausible count is not taken', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 9 }),
        people,
        (whole, tenth, word) => {
          expect(parseSosText(`Imogiri ${whole},${tenth} ${word}`).peopleCount).toBeUndefined();
        },
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: 10_001, max: 99_999 }), people, (n, word) => {
        const read = parseSosText(`Imogiri ${n} ${word}`);
        expect(read.peopleCount).toBeUndefined();
        expect(read.address).toContain(String(n));
      }),
    );
  });

  it('an estimate answers the count: sekitar 20, kurang lebih 15, ±30, 20an, about 40', () => {
    const about = fc.constantFrom('sekitar ', 'kira-kira ', 'kurang lebih ', '±', 'about ', 'around ', '');
    fc.assert(
      fc.property(about, fc.integer({ min: 1, max: 999 }), fc.boolean(), (a, n, an) => {
        expect(parsePeopleCount(`${a}${n}${an ? 'an' : ''}`)).toBe(n);
      }),
    );
  });

  it('"kami berlima" and "ber-5" say how many', () => {
    expect(parseSosText('kami berlima di atap').peopleCount).toBe(5);
    expect(parsePeopleCount('kami ber-5')).toBe(5);
    expect(parsePeopleCount('berdua')).toBe(2);
  });
});

describe('a phone number in any shape, place and script is the contact (property)', () => {
  const phone = fc.constantFrom(
    '081234567890',
    '0812-3456-7890',
    '0812 3456 7890',
    '+62 812 3456 7890',
    '0812.3456.7890',
    '(0274) 512345',
    '(0274)512345',
    '0274-512345',
  );
  const cue = fc.constantFrom('', 'hp ', 'HP: ', 'wa ', 'hubungi ', 'telp ', 'kontak ', 'no hp ');
  const script = fc.constantFrom(0x30, 0x660, 0x6f0, 0x966, 0xff10, 0xe50);
  const inScript = (s: string, zero: number) =>
    s.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));

  it('never a people count, a quantity or part of the address', () => {
    fc.assert(
      fc.property(phone, cue, fc.nat(3), script, (p, c, at, zero) => {
        const parts = ['Jl. Imogiri Timur km 8', '4 orang', 'air naik'];
        parts.splice(at, 0, `${c}${p}`);
        const read = parseSosText(normaliseInput(inScript(parts.join(', '), zero)));
        expect(read.phone?.replace(/\D/g, '')).toBe(p.replace(/\D/g, ''));
        expect(read.peopleCount).toBe(4);
        expect(read.address).toBe('Jl. Imogiri Timur km 8');
        const need = readSupplyText(normaliseInput(inScript(`beras 5 kg, ${c}${p}, untuk 4 orang`, zero)));
        expect(need.people).toBe(4);
        expect(parseItems(need.itemsText)).toEqual({
          ok: true,
          items: [{ item: 'rice', qty: 5, unit: 'kg' }],
        });
      }),
    );
  });
});
