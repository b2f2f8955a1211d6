import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESCUE_INTENT_TABLE, readRescueIntent } from '../../src/domain/rescue-intent.ts';

const decide = (text: string) => readRescueIntent(text)?.decision ?? 'none';

/** Real-looking messages, as people write them in a flood: what the table must decide. */
const RESCUE = [
  'SOS',
  'SOS!',
  'sos!!!',
  'S.O.S',
  's.o.s.',
  'S O S',
  'SOS, 3 orang di Imogiri',
  'SOS -7.912345,110.335678.',
  'SOS 999,999',
  '🆘',
  '🆘🆘🆘',
  '🆘 tolong banjir di Imogiri',
  '🚨SOS🚨 Dusun Kali RT 03',
  '*SOS* kami di atap',
  'DARURAT',
  'Darurat! rumah roboh di Pundong',
  'darurat, ibu hamil mau melahirkan',
  'TOLONG',
  'TOLONG!!!',
  'tolong',
  'Tolong!',
  'toloooong',
  'tolong kami',
  'TOLONG KAMI SEGERA',
  'Tolong! air naik di Pundong',
  'tolong air naik terus',
  'tolong kami terjebak di lantai 2',
  'Tolong, ada yang hanyut di sungai Opak',
  'tolong ada orang tenggelam',
  'tolong rumah kami roboh, 2 orang tertimbun',
  'tolong kebakaran di pasar',
  'tolong longsor di Imogiri, ada korban',
  'tolong anak saya luka parah',
  'tlg kami terjebak banjir',
  'tolongin ada yang pingsan',
  'Tolong! banjir di Imogiri',
  'tolong banjir',
  'Kami terjebak di atap, tolong!',
  'air sudah sepinggang, tolong evakuasi',
  'help, we are trapped on the roof',
  'Help! water rising fast',
  'HELP someone is drowning',
  'help my father is injured',
  'please help, the house collapsed',
  'help! fire next door',
  'we are stuck, help',
  'Mayday mayday',
  'SOS Jl. Imogiri Timur km 8, 4 orang, air naik',
  '🆘 2 lansia tidak bisa keluar rumah',
  'Tolong kirim perahu, kami terjebak',
  'tolong kirim air, ada orang hanyut',
  '  sos  ',
  'SoS tolong',
  'Imogiri 4 orang SOS!!',
  'kami terjebak di atap, air naik, 5 orang',
  'air naik, kami terjebak',
  'rumah roboh ada yang tertimbun',
  'ada yang tenggelam di sungai',
  'kebakaran! 3 orang di dalam',
  'kami terjbak di lantai 2',
  'anakku kelelep neng kali',
];

const ASK = [
  'Tolong kirim air ke Imogiri',
  'tolong kirim air',
  'tolong bantu beras',
  'Tolong antar selimut ke posko Sewon',
  'tolong kirimkan susu bayi 2 dus',
  'tolong bawakan obat untuk Bu Sri',
  'tolong, kami butuh makanan untuk 20 orang',
  'tolong info posko terdekat',
  'tolong, 3 orang di Imogiri',
  'Tolong dong',
  'tolong ya pak',
  'tolong cek R-12',
  'please help, we need rice and water',
  'help us, send food please',
  'tolong kirim makanan, kami korban banjir',
  'kebakaran di pasar Imogiri',
  'ada yang luka parah di jalan',
  'HP saya kelelep tadi',
  'Imogiri 4 orang tolong!!',
  'help!! 5 orang di Sewon',
  'motor kelelep banjir',
];

const NONE = [
  'Saya tidak mengerti',
  'hello',
  'terima kasih',
  'help',
  'Help',
  'bantu',
  '/help',
  '/sos',
  'kirim air ke Imogiri',
  'please send water',
  'info banjir hari ini?',
  'sosial',
  'sosis 2 dus',
  'mau daftar relawan',
  'kami sudah aman',
  'ok',
  'banjir di Bantul sudah surut',
  'what is SOS?',
  'bantuan sudah sampai, terima kasih',
  'Pos 3 perlu terpal',
  'kirim air untuk korban banjir',
  'kami sudah aman, tidak ada yang terjebak',
];

describe('the rescue-intent table', () => {
  it('has enough real-looking messages to stand on', () => {
    expect(RESCUE.length + ASK.length + NONE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(RESCUE)('rescue: %s', (text) => expect(decide(text)).toBe('rescue'));
  it.each(ASK)('ask first: %s', (text) => expect(decide(text)).toBe('ask'));
  it.each(NONE)('not a rescue call: %s', (text) => expect(decide(text)).toBe('none'));

  it('starts the rescue path from what follows a leading alarm word; keeps everything otherwise', () => {
    expect(readRescueIntent('SOS, 3 orang di Imogiri')?.text).toBe('3 orang di Imogiri');
    expect(readRescueIntent('🆘 tolong banjir di Imogiri')?.text).toBe('tolong banjir di Imogiri');
    expect(readRescueIntent('S.O.S. -7.91,110.33')?.text).toBe('-7.91,110.33');
    expect(readRescueIntent('Tolong! air naik di Pundong')?.text).toBe('Tolong! air naik di Pundong');
    expect(readRescueIntent('Tolong kirim air ke Imogiri')?.text).toBe('Tolong kirim air ke Imogiri');
  });

  it('every row of the table decides at least one of the messages above', () => {
    const used = new Set([...RESCUE, ...ASK].map((t) => readRescueIntent(t)?.rule));
    expect(RESCUE_INTENT_TABLE.filter((r) => !used.has(r.rule)).map((r) => r.rule)).toEqual([]);
  });
});

const ALARMS = [
  'SOS',
  'sos',
  'Sos',
  'S.O.S',
  's.o.s.',
  'S O S',
  'DARURAT',
  'darurat',
  'Darurat',
  '🆘',
  'TOLONG',
  'tolong',
  'Tolong',
];
const noise = fc.constantFrom('', '!', '!!!', '.', ',', ':', '🆘', '🚨', '*', '...', '!?', ' ', '‼️', '🙏');
const place = fc.constantFrom(
  '',
  ' di Imogiri',
  ' Jl. Parangtritis km 12',
  ' -7.91,110.33',
  ' 3 orang',
  ' RT 04 Dusun Kali',
);
const DANGER = [
  'terjebak',
  'air naik',
  'banjir',
  'luka',
  'tenggelam',
  'roboh',
  'kebakaran',
  'hanyut',
  'longsor',
  'trapped',
  'water rising',
  'injured',
  'drowning',
  'collapsed',
  'fire',
];
const REQUESTS = [
  'kirim air',
  'bantu beras',
  'kirim selimut',
  'antar makanan',
  'bawakan obat',
  'kirim susu bayi',
];
const anyCase = (s: string) =>
  fc.constantFrom(s, s.toUpperCase(), s.toLowerCase(), s[0]!.toUpperCase() + s.slice(1).toLowerCase());

describe('generated messages', () => {
  it('an alarm word alone or first, in any case, with any punctuation or emoji around it, is a rescue call', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALARMS).chain(anyCase),
        noise,
        noise,
        place,
        (word, before, after, rest) => {
          const text = `${before}${word}${after}${word.startsWith('t') || word.startsWith('T') ? '' : rest}`;
          expect(decide(text), text).toBe('rescue');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('tolong next to danger is a rescue call, wherever the words stand', () => {
    fc.assert(
      fc.property(
        anyCase('tolong'),
        fc.constantFrom(...DANGER),
        noise,
        place,
        fc.boolean(),
        (call, danger, p, rest, first) => {
          const text = first ? `${call}${p} ${danger}${rest}` : `${danger}${rest}${p} ${call}`;
          expect(decide(text), text).toBe('rescue');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('tolong as "please" with a request never opens a rescue at once: one question first', () => {
    fc.assert(
      fc.property(
        anyCase('tolong'),
        fc.constantFrom(...REQUESTS),
        noise.filter((n) => !/🆘|🚨/u.test(n)),
        place,
        (call, request, p, rest) => {
          const text = `${call}${p} ${request}${rest}`;
          expect(decide(text), text).toBe('ask');
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('danger without a call word', () => {
  it('counts in private chats only; a call word first counts everywhere', () => {
    expect(readRescueIntent('kami terjebak di atap', 'private')?.decision).toBe('rescue');
    expect(readRescueIntent('kami terjebak di atap', 'group')).toBeUndefined();
    expect(readRescueIntent('Imogiri 4 orang SOS!!', 'group')).toBeUndefined();
    expect(readRescueIntent('SOS Imogiri 4 orang', 'group')?.decision).toBe('rescue');
  });

  it('a call word anywhere keeps the text without it', () => {
    expect(readRescueIntent('Imogiri 4 orang SOS!!')?.text).toBe('Imogiri 4 orang');
  });

  it('forgives one typo on longer danger words, in any of them (property)', () => {
    const words = ['terjebak', 'tenggelam', 'tertimbun', 'kebakaran', 'trapped', 'drowning', 'landslide'];
    const typo = fc.constantFrom<(w: string, i: number) => string>(
      (w, i) => w.slice(0, i) + w.slice(i + 1),
      (w, i) => w.slice(0, i) + w[i] + w.slice(i),
      (w, i) => (i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w),
      (w, i) => `${w.slice(0, i)}x${w.slice(i + 1)}`,
    );
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.nat(), typo, (word, n, edit) => {
        const written = edit(word, n % word.length);
        // Real words one typo away are left alone on purpose ("tapped" is no "trapped").
        fc.pre(!['tapped'].includes(written));
        const text = `kami ${written} di rumah, 3 orang`;
        expect(decide(text), text).toBe('rescue');
      }),
      { numRuns: 500 },
    );
  });
});

describe('danger said in other words (generated)', () => {
  const people = fc.constantFrom('kami', 'saya', 'keluarga kami', '5 orang', 'anak-anak', 'we', 'my family');
  it('water as deep as a chest or neck, surrounded by water, asking to be evacuated: rescue at once', () => {
    const said = fc.constantFrom(
      'air sudah sedada',
      'ketinggian air sedada',
      'air masuk rumah setinggi leher',
      'banyu wis sak dodo',
      'kami terkepung air',
      'terkepung banjir',
      'mohon dievakuasi',
      'evakuasi segera',
      'the water is up to our chest',
      'water up to my neck',
      'we need evacuation',
      'anak saya hilang kebawa arus',
      'mbah kelelepen',
      'ketimpa tembok',
      'ga bisa kluar, air tinggi',
      'aer naik trs',
      'ketinggian air 2 meter',
    );
    fc.assert(
      fc.property(said, people, fc.boolean(), (danger, who, first) => {
        const text = first ? `${danger}, ${who}` : `${who}, ${danger}`;
        expect(decide(text), text).toBe('rescue');
      }),
    );
  });

  it('a thing drowned or swept away asks first; a person does not wait for the question', () => {
    const verb = fc.constantFrom('kelelep', 'tenggelam', 'hanyut', 'keseret arus', 'kentir');
    const thing = fc.constantFrom(
      'HP saya',
      'motor',
      'motor kami',
      'sandal',
      'jemuran',
      'dokumen',
      'my phone',
      'jalan',
    );
    const person = fc.constantFrom('anak saya', 'bapak', 'adik', 'nenek kami', 'tetangga');
    fc.assert(
      fc.property(thing, person, verb, (t, p, v) => {
        expect(decide(`${t} ${v}`), `${t} ${v}`).toBe('ask');
        expect(decide(`${p} ${v}`), `${p} ${v}`).toBe('rescue');
        expect(readRescueIntent(`${t} ${v}`, 'group')).toBeUndefined();
      }),
    );
  });
});

describe('a call word anywhere (generated)', () => {
  const body = fc.constantFrom(
    'Imogiri 4 orang',
    'Jl. Parangtritis km 10, 3 org',
    'di Pundong ada 2 lansia',
    'we are 5 people at Sewon',
  );
  const placed = (word: string, text: string, at: number) => {
    const words = text.split(' ');
    // First, after the first word, or last: never inside a count (`4 orang`).
    const i = [0, 1, words.length][at % 3]!;
    return [...words.slice(0, i), word, ...words.slice(i)].join(' ');
  };
  it('an alarm word opens a case wherever it stands; tolong / help with people asks at least', () => {
    fc.assert(
      fc.property(
        body,
        fc.nat(),
        fc.constantFrom('SOS', 'sos!!', 'S.O.S', '🆘', 'DARURAT', 'mayday'),
        (b, at, w) => {
          expect(decide(placed(w, b, at)), placed(w, b, at)).toBe('rescue');
        },
      ),
    );
    fc.assert(
      fc.property(
        body,
        fc.nat(),
        fc.constantFrom('tolong!!', 'TOLOOONG', 'tlg', 'tulung', 'help!!'),
        (b, at, w) => {
          expect(decide(placed(w, b, at)), placed(w, b, at)).not.toBe('none');
        },
      ),
    );
  });

  it('English danger in other words', () => {
    for (const text of [
      'water is rising fast, 3 kids with us',
      'my mother is stuck on the second floor',
      'grandpa fell in the flood water',
      'we need rescue now',
      'please rescue us',
      'we are marooned',
      'water up to the roof, kids here',
    ])
      expect(decide(text), text).toBe('rescue');
    expect(decide('my son is missing in the flood')).toBe('ask');
    expect(decide('besok saya bisa bantu masak')).toBe('none');
    expect(decide('kami pantau ketinggian air')).toBe('none');
    expect(decide('donasi untuk warga terkepung banjir')).toBe('none');
    expect(decide('my phone fell in the water lol')).toBe('ask');
    expect(decide('jalan tertimbun longsor, tidak bisa dilewati')).toBe('ask');
    expect(decide('our car got swept away, we are on the roof')).toBe('rescue');
    expect(decide('ada yg pingsan, air naik')).toBe('rescue');
    expect(decide('kebakaran rmh, adik msh di dlm')).toBe('rescue');
  });
});
